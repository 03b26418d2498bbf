/**
 * @module Where a command finds an integration by name: `integrations/<name>.yaml` of the repository, and its
 * fixtures under `integrations/fixtures/<name>/`.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { findRepositoryRoot } from './repository-root.js';

export function integrationsDir(cwd: string): string {
  return join(findRepositoryRoot(cwd) ?? cwd, 'integrations');
}

export function integrationFile(cwd: string, name: string): string {
  return join(integrationsDir(cwd), `${name}.yaml`);
}

export function fixturesDir(cwd: string, name: string): string {
  return join(integrationsDir(cwd), 'fixtures', name);
}

/** The names of every `integrations/*.yaml`. */
export async function integrationNames(cwd: string): Promise<string[]> {
  const entries = await readdir(integrationsDir(cwd), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => e.name.slice(0, -'.yaml'.length))
    .sort();
}
