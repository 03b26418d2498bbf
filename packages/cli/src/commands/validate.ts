/**
 * @module `switchboard validate [FILE...]` — checks integration files (all of `integrations/*.yaml` by default)
 * and prints every problem as `FILE:LINE:COL message`.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type CompiledIntegration,
  type ConfigIssue,
  checkIntegrationFile,
  duplicateNameIssues,
  expressionInventory,
  formatConfigIssues,
} from '@switchboard/engine';
import { isSwitchboardError } from '@switchboard/errors';
import { type Command, type CommandIo, EXIT } from '../command.js';
import { findRepositoryRoot } from '../repository-root.js';

const USAGE = `Usage: switchboard validate [--explain] [FILE...]

Checks integration files: YAML syntax, the JSON Schema, references, templates, JSONata.
Without FILE, checks every integrations/*.yaml of the repository (found from the current directory).
Prints FILE:LINE:COL message for each problem and exits 1 if there are any.

  --explain   also say how each valid file's JSONata runs: how many expressions are compiled to
              JavaScript, and FILE:LINE:COL with the reason for each one left to the interpreter`;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function summary(integration: CompiledIntegration): string {
  const { resources, unified } = integration.definition;
  let operations = 0;
  for (const model of Object.values(unified ?? {})) {
    for (const methods of Object.values(model ?? {})) operations += Object.keys(methods ?? {}).length;
  }
  return `${plural(Object.keys(resources).length, 'resource')}, ${plural(operations, 'unified operation')}`;
}

/** `integrations/*.yaml` under the repository root, or under `cwd` outside a repository. */
async function defaultFiles(cwd: string): Promise<{ dir: string; files: string[] }> {
  const dir = join(findRepositoryRoot(cwd) ?? cwd, 'integrations');
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
      .map((e) => join(dir, e.name))
      .sort();
    return { dir, files };
  } catch (error) {
    // No integrations directory means nothing to check; any other failure is real.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { dir, files: [] };
    throw error;
  }
}

async function run(args: string[], io: CommandIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }

  const shown = (file: string) => relative(io.cwd, file) || file;
  let files = parsed.positionals.map((f) => resolve(io.cwd, f));
  if (files.length === 0) {
    const found = await defaultFiles(io.cwd);
    if (found.files.length === 0) {
      io.err(`no integration files found in ${shown(found.dir)}`);
      return EXIT.problems;
    }
    files = found.files;
  }

  const results = new Map<string, FileResult>();
  for (const file of files) results.set(file, await check(file));
  const loaded = [...results.values()].flatMap((r) => (r.integration ? [r.integration] : []));
  for (const issue of duplicateNameIssues(loaded)) results.get(issue.file)?.issues.push(issue);

  let problems = 0;
  let failedFiles = 0;
  const output: string[] = [];
  for (const [file, result] of results) {
    if (result.unreadable) {
      output.push(`${shown(file)}: cannot read the file (${result.unreadable})`);
    } else if (result.issues.length > 0) {
      output.push(formatConfigIssues(result.issues, { relativeTo: io.cwd }));
    } else if (result.integration) {
      output.push(`✓ ${shown(file)} (${summary(result.integration)})`);
      if (parsed.values.explain) output.push(...explain(result.integration, shown));
      continue;
    }
    problems += Math.max(1, result.issues.length);
    failedFiles++;
  }
  io.out(output.join('\n'));
  if (failedFiles === 0) return EXIT.ok;
  io.err(`✗ ${plural(problems, 'problem')} in ${failedFiles} of ${plural(files.length, 'file')}`);
  return EXIT.problems;
}

/**
 * How a valid file's expressions run: the count compiled to JavaScript (and of those, run as generated source),
 * then each one the interpreter runs (slower, asynchronous) at its location, with the compiler's reason.
 */
function explain(integration: CompiledIntegration, shown: (file: string) => string): string[] {
  const inventory = expressionInventory(integration);
  const interpreted = inventory.filter(({ expression }) => expression.mode === 'interpreted');
  const compiled = inventory.filter(({ expression }) => expression.mode === 'compiled');
  const closures = compiled.filter(({ expression }) => expression.notGenerated() !== undefined);
  const lines = [
    `  ${compiled.length} of ${plural(inventory.length, 'JSONata expression')} compiled` +
      ` (${compiled.length - closures.length} as generated source)` +
      (interpreted.length === 0 ? '' : `; ${interpreted.length} interpreted:`),
  ];
  for (const { pointer, expression } of interpreted) {
    const at = integration.locate(pointer);
    lines.push(
      `  ${shown(at.file)}:${at.line}:${at.column} interpreted: ${expression.fallbackReason ?? 'unknown'}`,
    );
  }
  for (const { pointer, expression } of closures) {
    const at = integration.locate(pointer);
    lines.push(
      `  ${shown(at.file)}:${at.line}:${at.column} compiled, not generated: ${expression.notGenerated()}`,
    );
  }
  return lines;
}

interface FileResult {
  integration?: CompiledIntegration;
  issues: ConfigIssue[];
  /** Why the file could not be read (e.g. `ENOENT`). */
  unreadable?: string;
}

async function check(file: string): Promise<FileResult> {
  try {
    const result = await checkIntegrationFile(file);
    return result.integration ? { integration: result.integration, issues: [] } : { issues: result.issues };
  } catch (error) {
    if (!isSwitchboardError(error, 'SB_ERR_CONFIG_READ')) throw error;
    const cause = error.cause as { code?: string; message?: string } | undefined;
    return { issues: [], unreadable: cause?.code ?? cause?.message ?? 'unknown reason' };
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: { help: { type: 'boolean', short: 'h' }, explain: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
}

export const validate: Command = {
  name: 'validate',
  synopsis: 'validate [--explain] [FILE...]',
  summary: 'Check integration files; print each problem as FILE:LINE:COL message',
  run,
};
