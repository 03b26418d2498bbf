/**
 * @module Whether a call target's records can stay bytes (`http/transport/records-as-bytes.ts`): where a 2xx body
 * holds them, when that is one top-level array — the body itself (`records:` absent or `$`) or a plain key of it
 * (`records: data`) — and nothing else this target evaluates on the body can reach into them. Pagination that
 * reads the body by a path naming that key, by a wildcard, through a function or with an escape in a quoted name,
 * or a stop rule given `$records`, makes the records needed as values.
 */
import type { PaginationScheme, ResourceMethod } from '@switchboard/schema';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names that JSONata reads as operators or literals, and the one key an object cannot be given by assignment. */
const NOT_A_FIELD = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function', '__proto__']);

/** The records' place in a 2xx body (null: the body is the records array), or undefined when they must be parsed. */
export function recordsKey(
  definition: ResourceMethod,
  scheme: PaginationScheme | undefined,
): string | null | undefined {
  const records = definition.records?.trim();
  let key: string | null;
  if (records === undefined || records === '$') key = null;
  else if (NAME.test(records) && !NOT_A_FIELD.has(records)) key = records;
  else return undefined;
  return scheme === undefined || pagingLeaves(scheme, key) ? key : undefined;
}

function bodyPaths(scheme: PaginationScheme): string[] {
  const sources = [
    scheme.type === 'cursor' ? scheme.cursor : undefined,
    scheme.type === 'page' ? scheme.total_pages : undefined,
    scheme.type === 'offset' ? scheme.total : undefined,
    scheme.type === 'link' ? scheme.next : undefined,
  ];
  return sources.flatMap((source) => (source?.type === 'body' ? [source.path] : []));
}

function pagingLeaves(scheme: PaginationScheme, key: string | null): boolean {
  if (scheme.stop?.some((rule) => rule.type === 'expression')) return false;
  const paths = bodyPaths(scheme);
  // A root array: any body path would be read from the records themselves.
  if (key === null) return paths.length === 0;
  const names = new RegExp(`(^|[^A-Za-z0-9_$])${key}($|[^A-Za-z0-9_])`);
  // A backslash: a quoted field name may spell the key with escapes (`"d\u0061ta"` is the field `data`).
  return paths.every(
    (path) => !names.test(path) && !path.includes('*') && !path.includes('(') && !path.includes('\\'),
  );
}
