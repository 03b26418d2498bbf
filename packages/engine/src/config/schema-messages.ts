/**
 * @module Ajv errors → one readable message per instance path. Ajv with `allErrors` reports several errors for
 * one mistake (a missing tag is both `required` and `discriminator`); users need the one that tells them what to
 * type: "unknown auth type `magic`; expected one of …", "unknown key `paginaton`, did you mean `pagination`?".
 */
import type { ErrorObject } from 'ajv';
import { describeKind, listValues, showValue } from './describe-value.js';
import { didYouMean } from './did-you-mean.js';
import type { IssueDraft } from './issue-draft.js';
import { childPointer, fromPointer, valueAt } from './json-pointer.js';
import { allowedKeys, type JsonSchema, unionVariants } from './schema-walk.js';

const TYPE_NAMES: Record<string, string> = {
  object: 'a map',
  array: 'a list',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: '`true` or `false`',
  null: 'an empty value',
};

// When one path has several errors, the first keyword in this list explains the problem best.
const PRIORITY = ['discriminator', 'type', 'required', 'const', 'enum', 'pattern', 'format'];

export interface SchemaContext {
  data: unknown;
  /** The (narrowed) schema that applies at an instance pointer, if the schema describes that node. */
  schemaAt(pointer: string): JsonSchema | undefined;
}

/** The word for what a union is about, from where it sits: `/auth` → auth, `/pagination/default/stop/0` → stop. */
function unionNoun(pointer: string): string {
  const segments = fromPointer(pointer).filter((s) => !/^[0-9]+$/.test(s));
  const last = segments.at(-1) ?? 'value';
  // Named maps (`pagination.<name>`) are about the map, not the name.
  const parent = segments.at(-2);
  return parent === 'pagination' ? 'pagination' : last;
}

function unknownKeyMessage(key: string, allowed: string[]): string {
  if (key === '<<') return 'merge keys (`<<`) are not supported; write the keys out';
  const suggestion = didYouMean(key, allowed);
  if (suggestion) return `unknown key \`${showValue(key)}\`, did you mean \`${suggestion}\`?`;
  return allowed.length > 0
    ? `unknown key \`${showValue(key)}\`; expected one of ${listValues(allowed)}`
    : `unknown key \`${showValue(key)}\``;
}

function discriminatorIssue(error: ErrorObject, context: SchemaContext): IssueDraft {
  const tag = String((error.params as { tag?: string }).tag ?? 'type');
  const variants = [...(unionVariants(context.schemaAt(error.instancePath) ?? {})?.keys() ?? [])];
  const expected = variants.length > 0 ? `; expected one of ${listValues(variants)}` : '';
  const noun = unionNoun(error.instancePath);
  const value = valueAt(context.data, childPointer(error.instancePath, tag));
  if (value === undefined) {
    return { pointer: error.instancePath, at: 'key', message: `missing \`${tag}\` for ${noun}${expected}` };
  }
  if (typeof value !== 'string') {
    return {
      pointer: childPointer(error.instancePath, tag),
      message: `${noun} \`${tag}\` must be a string, got ${describeKind(value)}${expected}`,
    };
  }
  const suggestion = didYouMean(value, variants);
  return {
    pointer: childPointer(error.instancePath, tag),
    message: suggestion
      ? `unknown ${noun} ${tag} \`${showValue(value)}\`, did you mean \`${suggestion}\`?`
      : `unknown ${noun} ${tag} \`${showValue(value)}\`${expected}`,
  };
}

function examplesHint(schema: JsonSchema | undefined): string {
  const examples = schema?.['examples'];
  return Array.isArray(examples) ? ` (e.g. ${listValues(examples)})` : '';
}

function typeMessage(expected: string, value: unknown, schema: JsonSchema | undefined): string {
  const names = expected.split(',').map((t) => TYPE_NAMES[t] ?? t);
  const message = `expected ${names.join(' or ')}, got ${describeKind(value)}`;
  if (expected !== 'string' || (typeof value !== 'number' && typeof value !== 'boolean')) return message;
  // YAML reads `429`, `true` and `1.0` as numbers and booleans; a string field needs them quoted, unless quoting
  // would not help either (`per: 60` is not a duration).
  const pattern = schema?.['pattern'];
  if (typeof pattern === 'string' && !new RegExp(pattern, 'u').test(String(value))) {
    return `${message}${examplesHint(schema) || ` matching \`${pattern}\``}`;
  }
  return `${message} (quote it: "${String(value)}")`;
}

function singleMessage(error: ErrorObject, context: SchemaContext): string {
  const value = valueAt(context.data, error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return typeMessage(String(params['type']), value, context.schemaAt(error.instancePath));
    case 'const':
      return `must be \`${showValue(params['allowedValue'])}\`, got \`${showValue(value)}\``;
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]) ?? [];
      const suggestion =
        typeof value === 'string'
          ? didYouMean(
              value,
              allowed.filter((a): a is string => typeof a === 'string'),
            )
          : undefined;
      return suggestion
        ? `\`${showValue(value)}\` is not allowed here, did you mean \`${suggestion}\`?`
        : `\`${showValue(value)}\` is not one of ${listValues(allowed)}`;
    }
    case 'pattern':
      return `\`${showValue(value)}\` does not match \`${String(params['pattern'])}\`${examplesHint(context.schemaAt(error.instancePath))}`;
    case 'format':
      return `\`${showValue(value)}\` is not a valid ${String(params['format'])}`;
    case 'minLength':
      return params['limit'] === 1 ? 'must not be empty' : `must be at least ${params['limit']} characters`;
    case 'maxLength':
      return `must be at most ${params['limit']} characters`;
    case 'minItems':
      return params['limit'] === 1
        ? 'must list at least one item'
        : `must list at least ${params['limit']} items`;
    case 'maxItems':
      return `must list at most ${params['limit']} items`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params['comparison'])} ${String(params['limit'])}, got ${showValue(value)}`;
    default:
      return error.message ?? `fails \`${error.keyword}\``;
  }
}

/**
 * A plain union (`anyOf`, e.g. `cost: 2` or `cost: [{ match, cost }]`) makes Ajv report every branch. Only the
 * branches whose type fits the value explain the mistake (a list with a typo is not "expected a whole number");
 * when no branch fits, one "expected A or B" stands for them all.
 */
function withinUnions(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  for (const union of errors.filter((e) => e.keyword === 'anyOf')) {
    const prefix = `${union.schemaPath}/`;
    const branchOf = (e: ErrorObject) =>
      e.schemaPath.startsWith(prefix) ? e.schemaPath.slice(prefix.length).split('/')[0] : undefined;
    const mistyped = new Map<string, string>();
    for (const e of errors)
      if (e.keyword === 'type' && e.instancePath === union.instancePath && branchOf(e) !== undefined)
        mistyped.set(branchOf(e) as string, String((e.params as { type: string }).type));
    const branches = new Set(errors.map(branchOf).filter((b): b is string => b !== undefined));
    const fitting = [...branches].filter((b) => !mistyped.has(b));
    if (fitting.length > 0) {
      kept = kept.filter(
        (e) => e !== union && !(branchOf(e) !== undefined && mistyped.has(branchOf(e) as string)),
      );
    } else {
      const type = [...mistyped.values()].join(',');
      kept = kept.filter((e) => branchOf(e) === undefined);
      kept = kept.map((e) => (e === union ? { ...union, keyword: 'type', params: { type } } : e));
    }
  }
  return kept;
}

/** Collapses Ajv's errors into one draft issue per instance path (and one per unknown key). */
export function collapseSchemaErrors(errors: readonly ErrorObject[], context: SchemaContext): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of withinUnions(errors)) {
    if (error.keyword === 'additionalProperties') {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = allowedKeys(context.schemaAt(error.instancePath) ?? {});
      issues.push({
        pointer: childPointer(error.instancePath, key),
        at: 'key',
        message: unknownKeyMessage(key, allowed),
      });
      continue;
    }
    const list = byPath.get(error.instancePath) ?? [];
    list.push(error);
    byPath.set(error.instancePath, list);
  }

  for (const [pointer, list] of byPath) {
    const rank = (e: ErrorObject) => {
      const i = PRIORITY.indexOf(e.keyword);
      return i === -1 ? PRIORITY.length : i;
    };
    const best = [...list].sort((a, b) => rank(a) - rank(b))[0] as ErrorObject;
    if (best.keyword === 'discriminator') {
      issues.push(discriminatorIssue(best, context));
    } else if (best.keyword === 'required') {
      const missing = list
        .filter((e) => e.keyword === 'required')
        .map((e) => String((e.params as { missingProperty: string }).missingProperty));
      const keys = missing.map((m) => `\`${m}\``).join(', ');
      issues.push({
        pointer,
        at: 'key',
        message: `missing required key${missing.length > 1 ? 's' : ''} ${keys}`,
      });
    } else if (pointer === '' && best.keyword === 'type' && valueAt(context.data, '') == null) {
      issues.push({
        pointer,
        message: 'the file is empty; expected an integration (schema_version, name, …)',
      });
    } else {
      issues.push({ pointer, message: singleMessage(best, context) });
    }
  }
  return issues;
}
