/**
 * @module Where a command finds an integration by name: `integrations/<name>.yaml` of the repository (or of the
 * folder `--dir` names), and its fixtures under `integrations/fixtures/<name>/`.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import {
  type CompiledIntegration,
  type ConfigIssue,
  formatConfigIssues,
  loadIntegrationFile,
} from '@switchboard/engine';
import { isSwitchboardError } from '@switchboard/errors';
import type { CommandIo } from './command.js';
import { findRepositoryRoot } from './repository-root.js';

/** The integrations folder: `dir` (relative to `cwd`) when given, else the repository's `integrations/`. */
export function integrationsDir(cwd: string, dir?: string): string {
  if (dir) return resolve(cwd, dir);
  return join(findRepositoryRoot(cwd) ?? cwd, 'integrations');
}

export function integrationFile(cwd: string, name: string, dir?: string): string {
  return join(integrationsDir(cwd, dir), `${name}.yaml`);
}

export function fixturesDir(cwd: string, name: string, dir?: string): string {
  return join(integrationsDir(cwd, dir), 'fixtures', name);
}

/** The names of every `integrations/*.yaml`. */
export async function integrationNames(cwd: string, dir?: string): Promise<string[]> {
  const entries = await readdir(integrationsDir(cwd, dir), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => e.name.slice(0, -'.yaml'.length))
    .sort();
}

/**
 * Loads an integration for a command, or prints why it cannot (`FILE:LINE:COL message` lines, or the unreadable
 * file) and resolves undefined: commands never end in a stack trace for a bad or missing file.
 */
export async function loadOrReport(
  file: string,
  io: CommandIo,
  dir?: string,
): Promise<CompiledIntegration | undefined> {
  try {
    return await loadIntegrationFile(file);
  } catch (error) {
    if (isSwitchboardError(error, 'SB_ERR_CONFIG_INVALID')) {
      io.err(formatConfigIssues(error.details['issues'] as ConfigIssue[], { relativeTo: io.cwd }));
      io.err(`✗ ${relative(io.cwd, file) || file} is not valid: run \`switchboard validate\` for details`);
      return undefined;
    }
    if (isSwitchboardError(error, 'SB_ERR_CONFIG_READ')) {
      io.err(
        `cannot read ${relative(io.cwd, file) || file}: no such integration (looked in ${relative(io.cwd, integrationsDir(io.cwd, dir)) || '.'})`,
      );
      return undefined;
    }
    throw error;
  }
}
