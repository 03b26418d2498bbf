/**
 * @module Keyset paging over an array sorted by key: the page after a cursor key, and the cursor of the next
 * page (the last key served) when more remain. Binary search, so deep pages cost the same as the first.
 */
import { type RecordId, upperBound } from '../data/sorted-table.js';

export interface KeysetPage<T, K> {
  readonly items: readonly T[];
  /** The key to pass as the next cursor, or `undefined` on the last page. */
  readonly nextAfter: K | undefined;
}

export function keysetPage<T, K extends RecordId>(
  sorted: readonly T[],
  after: K | undefined,
  limit: number,
  keyOf: (item: T) => K,
): KeysetPage<T, K> {
  const start = after === undefined ? 0 : upperBound(sorted, after, keyOf);
  const items = sorted.slice(start, start + limit);
  const last = items.at(-1);
  const more = start + limit < sorted.length;
  return { items, nextAfter: more && last !== undefined ? keyOf(last) : undefined };
}
