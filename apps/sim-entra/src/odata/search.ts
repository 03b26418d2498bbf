/**
 * @module `$search` on directory objects: `"displayName:ann" AND "mail:ann"` — quoted `property:words` clauses
 * joined by AND/OR, read left to right. Which properties match how is the collection's business.
 */
import { badRequest, unsupportedQuery } from '../wire/graph-error.js';

export type SearchClause<T> = (record: T, property: string, words: string) => boolean;

/** `"displayName:ann" AND "mail:ann"` → clauses joined by AND/OR (no precedence beyond left to right). */
export function searchPredicate<T>(raw: string, search: SearchClause<T> | undefined): (record: T) => boolean {
  if (search === undefined) throw unsupportedQuery('$search is not supported on this resource.');
  const parts = raw.match(/"[^"]*"|\bAND\b|\bOR\b/g) ?? [];
  if (parts.length === 0 || parts[0] === 'AND' || parts[0] === 'OR') {
    throw badRequest(`Syntax error: character '${raw.slice(0, 1)}' is not valid at position 0 in '${raw}'.`);
  }
  let predicate: ((record: T) => boolean) | undefined;
  let joiner = 'AND';
  for (const part of parts) {
    if (part === 'AND' || part === 'OR') {
      joiner = part;
      continue;
    }
    const clause = part.slice(1, -1);
    const colon = clause.indexOf(':');
    if (colon < 1) throw badRequest(`Invalid search clause '${clause}': expected "property:value".`);
    const property = clause.slice(0, colon);
    const words = clause
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    const one = (record: T) => search(record, property, words);
    const previous = predicate;
    predicate =
      previous === undefined
        ? one
        : joiner === 'OR'
          ? (r) => previous(r) || one(r)
          : (r) => previous(r) && one(r);
  }
  return predicate ?? (() => true);
}
