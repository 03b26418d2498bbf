/**
 * @module The loader: read → parse YAML → JSON Schema → semantic pass → evaluate `definitions:` → compile →
 * freeze. Every problem found in any stage is collected and thrown once, as one `ConfigInvalid` whose
 * `details.issues` are all located.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { Integration } from '@switchboard/schema';
import { ConfigInvalid, ConfigRead } from '../errors.js';
import type { DefinitionScope } from '../mapping/definition-scope.js';
import type { CompiledExpression } from '../mapping/expression.js';
import type { CheckContext } from './checks/semantic-check.js';
import { compileIntegration } from './compile-integration.js';
import type { CompiledIntegration, ConfigIssue } from './compiled-integration.js';
import { evaluateDefinitions } from './evaluate-definitions.js';
import type { IssueDraft } from './issue-draft.js';
import { parseYaml } from './parse-yaml.js';
import { isPlainObject } from './plain-object.js';
import { readIntegrationFile } from './read-integration-file.js';
import { SEMANTIC_CHECKS } from './semantic-checks.js';
import { validateSchema } from './validate-schema.js';
import { YamlLocator } from './yaml-locator.js';

/** The outcome of checking one file: a compiled integration, or the issues that prevent one. */
export type IntegrationCheck =
  | { integration: CompiledIntegration; issues: [] }
  | { integration?: undefined; issues: ConfigIssue[] };

/** Messages quote the file (YAML tokens, keys); an issue stays one readable line whatever they quote. */
const MAX_MESSAGE_LENGTH = 200;
function oneLine(message: string): string {
  const flat = message.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
  return flat.length > MAX_MESSAGE_LENGTH ? `${flat.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : flat;
}

function locateAll(drafts: readonly IssueDraft[], locator: YamlLocator): ConfigIssue[] {
  const seen = new Set<string>();
  const issues: ConfigIssue[] = [];
  for (const draft of drafts) {
    const location =
      draft.offset === undefined
        ? locator.locate(draft.pointer, draft.at)
        : { ...locator.at(draft.offset, draft.pointer), pointer: draft.pointer };
    const message = oneLine(draft.message);
    const issue: ConfigIssue = { ...location, pointer: draft.pointer, message };
    const key = `${issue.line}:${issue.column}:${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Stages 2–4: everything that needs no evaluation, ending with a context for the stages after it. */
function checkStatically(
  text: string,
  file: string,
): { issues: ConfigIssue[] } | { issues?: undefined; context: CheckContext } {
  const parsed = parseYaml(text, file);
  const { locator } = parsed;
  if (parsed.issues.length > 0) return { issues: locateAll(parsed.issues, locator) };

  const data = parsed.data;
  const schema = validateSchema(data);
  const expressions = new Map<string, CompiledExpression>();
  const context = { data, visits: schema.visits, text, locator, expressions };
  const drafts = [...schema.issues, ...SEMANTIC_CHECKS.flatMap((check) => check(context))];
  if (drafts.length > 0) return { issues: locateAll(drafts, locator) };
  return { context };
}

function compile(file: string, context: CheckContext, definitions?: DefinitionScope): CompiledIntegration {
  const { data, expressions, locator } = context;
  return compileIntegration({
    file,
    definition: data as Integration,
    expressions,
    locator,
    ...(definitions === undefined ? {} : { definitions }),
  });
}

/** Checks one file's text without throwing; used by the loaders and the CLI. */
export async function checkIntegrationSource(text: string, file: string): Promise<IntegrationCheck> {
  const checked = checkStatically(text, file);
  if (checked.issues !== undefined) return { issues: checked.issues };
  const { context } = checked;
  const definitions = await evaluateDefinitions(context);
  if (definitions.issues.length > 0) return { issues: locateAll(definitions.issues, context.locator) };
  return { integration: compile(file, context, definitions.scope), issues: [] };
}

/**
 * Loads a file that has no `definitions:` without waiting: evaluating definitions is asynchronous, so a source
 * with some gets an issue pointing at them. Test fixtures that build integrations in synchronous code use it.
 *
 * @throws ConfigInvalid with `details.issues` (every problem, located)
 */
export function loadIntegrationSourceSync(text: string, file: string): CompiledIntegration {
  const checked = checkStatically(text, file);
  if (checked.issues !== undefined) throw invalid(checked.issues);
  const { context } = checked;
  if (isPlainObject(context.data) && context.data['definitions'] !== undefined) {
    const draft = {
      pointer: '/definitions',
      at: 'key' as const,
      message: 'definitions need the asynchronous loader',
    };
    throw invalid(locateAll([draft], context.locator));
  }
  return compile(file, context);
}

function invalid(issues: ConfigIssue[]): InstanceType<typeof ConfigInvalid> {
  const files = new Set(issues.map((i) => i.file));
  const first = issues[0] as ConfigIssue;
  const where = files.size === 1 ? first.file : `${files.size} integration files`;
  const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  return new ConfigInvalid(
    `${count} in ${where}; first: ${first.file}:${first.line}:${first.column} ${first.message}`,
    { details: { issues } },
  );
}

/**
 * Loads an integration from text already in memory (`file` names it in issues).
 *
 * @throws ConfigInvalid with `details.issues` (every problem, located)
 */
export async function loadIntegrationSource(text: string, file: string): Promise<CompiledIntegration> {
  const result = await checkIntegrationSource(text, file);
  if (!result.integration) throw invalid(result.issues);
  return result.integration;
}

/** Reads and checks one file without throwing for its content (a missing file still throws `ConfigRead`). */
export async function checkIntegrationFile(path: string): Promise<IntegrationCheck> {
  const content = await readIntegrationFile(path);
  if ('issue' in content) {
    return { issues: locateAll([content.issue], new YamlLocator(path, undefined, undefined)) };
  }
  return checkIntegrationSource(content.text, path);
}

/**
 * Loads one integration file.
 *
 * @throws ConfigRead when the file cannot be read; ConfigInvalid with every problem in it
 */
export async function loadIntegrationFile(path: string): Promise<CompiledIntegration> {
  const result = await checkIntegrationFile(path);
  if (!result.integration) throw invalid(result.issues);
  return result.integration;
}

/**
 * Loads every `*.yaml` in a directory (not recursive; `fixtures/` below it is ignored), in name order. The
 * issues of all files are collected into one `ConfigInvalid`; integration names must be unique.
 *
 * @throws ConfigRead when the directory or a file cannot be read; ConfigInvalid with every problem of every file
 */
export async function loadIntegrationDirectory(dir = 'integrations'): Promise<CompiledIntegration[]> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries
      .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
      .map((e) => e.name)
      .sort();
  } catch (cause) {
    throw new ConfigRead(dir, { cause, details: { file: dir } });
  }
  const issues: ConfigIssue[] = [];
  const loaded: CompiledIntegration[] = [];
  for (const name of names) {
    const result = await checkIntegrationFile(join(dir, name));
    if (result.integration) loaded.push(result.integration);
    else issues.push(...result.issues);
  }
  issues.push(...duplicateNameIssues(loaded));
  if (issues.length > 0) throw invalid(issues);
  return loaded;
}

/** Integrations are addressed by `name`, so two files may not share one; the later file gets the issue. */
export function duplicateNameIssues(integrations: readonly CompiledIntegration[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const byName = new Map<string, string>();
  for (const integration of integrations) {
    const other = byName.get(integration.name);
    if (other === undefined) {
      byName.set(integration.name, integration.file);
    } else {
      const message = `integration name \`${integration.name}\` is also used by ${relative(dirname(integration.file), other)}`;
      issues.push({ ...integration.locate('/name'), message });
    }
  }
  return issues;
}

/** True when a value is the `details` of a `ConfigInvalid`: `{ issues: ConfigIssue[] }`. */
export function hasConfigIssues(details: unknown): details is { issues: ConfigIssue[] } {
  return isPlainObject(details) && Array.isArray(details['issues']);
}
