/**
 * @module Stage 2: YAML text → a JS value plus a locator that maps JSON pointers back to lines and columns.
 * Every way the text can be wrong (too big, too deep, bad syntax, anchor bombs, tags) becomes a located issue.
 */
import { isAlias, isCollection, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import type { IssueDraft } from './issue-draft.js';
import { excessiveNestingOffset, MAX_NESTING_DEPTH } from './nesting-depth.js';
import { YamlLocator } from './yaml-locator.js';

/** Integration files are hand-written and small (OneLogin's is about 30 KiB); anything larger is a mistake. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Aliases expanded per document; small enough that a "billion laughs" file fails in microseconds. */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedYaml {
  locator: YamlLocator;
  /** The document as plain JS; absent when the YAML itself is broken. */
  data?: unknown;
  issues: IssueDraft[];
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Checks the byte size of a file's content against {@link MAX_FILE_BYTES}. */
export function tooLargeIssue(bytes: number): IssueDraft | undefined {
  if (bytes <= MAX_FILE_BYTES) return undefined;
  return {
    pointer: '',
    offset: 0,
    message: `file is ${sizeText(bytes)}; integration files are limited to 1 MiB`,
  };
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const tooLarge = tooLargeIssue(Buffer.byteLength(text, 'utf8'));
  if (tooLarge) return { locator: new YamlLocator(file, undefined, undefined), issues: [tooLarge] };

  const lineCounter = new LineCounter();
  const deep = excessiveNestingOffset(text);
  if (deep !== undefined) {
    // Count lines without the parser so the issue is still located.
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return {
      locator: new YamlLocator(file, undefined, lineCounter),
      issues: [{ pointer: '', offset: deep, message: `nesting is deeper than ${MAX_NESTING_DEPTH} levels` }],
    };
  }

  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    // Tags such as !!binary or !!timestamp would smuggle Buffers and Dates into the definition.
    resolveKnownTags: false,
    merge: false,
  });
  const locator = new YamlLocator(file, doc, lineCounter);
  const issues: IssueDraft[] = syntaxErrors([...doc.errors, ...doc.warnings], lineCounter).map((e) => ({
    pointer: locator.pointerAt(e.pos[0]),
    offset: e.pos[0],
    message: yamlMessage(e.code, e.message),
  }));

  visit(doc, {
    Pair(_key, pair) {
      if (isCollection(pair.key) || isAlias(pair.key)) {
        const offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
        issues.push({ pointer: locator.pointerAt(offset), offset, message: 'keys must be plain strings' });
      }
    },
  });
  if (issues.length > 0) return { locator, issues };

  try {
    return { locator, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), issues };
  } catch (error) {
    // toJS throws for anchor bombs ("Excessive alias count") and unresolved aliases: point at the first alias.
    let offset = 0;
    visit(doc, {
      Alias(_key, alias) {
        offset = alias.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const reason = error instanceof Error ? error.message : String(error);
    const message = /alias count/i.test(reason)
      ? `too many alias expansions (more than ${MAX_ALIAS_COUNT}); is this an anchor bomb?`
      : reason;
    return { locator, issues: [{ pointer: locator.pointerAt(offset), offset, message }] };
  }
}

/** More syntax errors than this are noise: the first ones are what to fix. */
const MAX_SYNTAX_ERRORS = 10;

/**
 * The YAML errors worth showing. After one unexpected token the parser resynchronises by reporting every
 * following token as unexpected too (one misindented line gave 60 errors in the fuzz test); only the first of
 * those is kept, one error per line, and at most {@link MAX_SYNTAX_ERRORS}.
 */
function syntaxErrors(errors: YAMLError[], lineCounter: LineCounter): YAMLError[] {
  const kept: YAMLError[] = [];
  const lines = new Set<number>();
  let unexpected = false;
  for (const error of [...errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const line = lineCounter.linePos(error.pos[0]).line;
    if (lines.has(line) || (error.code === 'UNEXPECTED_TOKEN' && unexpected)) continue;
    unexpected ||= error.code === 'UNEXPECTED_TOKEN';
    lines.add(line);
    kept.push(error);
    if (kept.length === MAX_SYNTAX_ERRORS) break;
  }
  return kept;
}

function yamlMessage(code: string, message: string): string {
  if (code === 'RESOURCE_EXHAUSTION') return `YAML is too deeply nested (${message})`;
  if (code === 'MULTIPLE_DOCS') return 'a file holds one YAML document; remove the extra `---`';
  return `YAML: ${message}`;
}
