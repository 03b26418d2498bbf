/**
 * @module v1 keyset pagination. The cursor is base64(`account_id:::<account>--##id:::<id>`), the shape seen
 * in real cursors; a page is found by binary search on the id-sorted array, then filtered forward, so deep
 * pages cost the same as the first.
 */

import {
  linkTo,
  lowerBound,
  type PageSizeRule,
  type QueryMap,
  readLimit,
  upperBound,
} from '@switchboard/sim-kit';
import type { V1Pagination } from '../wire/v1-envelope.js';
import type { LinkBase } from './v2-pages.js';

export interface KeysetRequest {
  readonly limit: number;
  readonly after?: number;
  readonly before?: number;
  readonly descending: boolean;
}

export interface KeysetPage<T> {
  readonly data: T[];
  readonly hasBefore: boolean;
  readonly hasAfter: boolean;
}

export function encodeV1Cursor(accountId: number, id: number): string {
  return Buffer.from(`account_id:::${accountId}--##id:::${id}`).toString('base64');
}

export function decodeV1Cursor(cursor: string): number | undefined {
  const match = /--##id:::(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** `undefined` when a cursor does not decode or `sort` is not an id order. */
export function readKeysetRequest(query: QueryMap, rule: PageSizeRule): KeysetRequest | undefined {
  const sort = query.get('sort') ?? '+id';
  if (!['id', '+id', '-id', ' id'].includes(sort)) return undefined;
  const request: { limit: number; descending: boolean; after?: number; before?: number } = {
    limit: readLimit(query.get('limit'), rule),
    descending: sort === '-id',
  };
  for (const key of ['after', 'before'] as const) {
    const raw = query.get(`${key}_cursor`);
    if (raw === undefined || raw === '') continue;
    const id = decodeV1Cursor(raw);
    if (id === undefined) return undefined;
    request[key] = id;
  }
  return request;
}

const idOf = (item: { readonly id: number }): number => item.id;

/**
 * One page from `items` (sorted ascending by id), restricted to the index range [from, to) and to items that
 * `match`. In descending order "after" means smaller ids.
 */
export function keysetPage<T extends { readonly id: number }>(
  items: readonly T[],
  match: ((item: T) => boolean) | null,
  request: KeysetRequest,
  range: { from: number; to: number } = { from: 0, to: items.length },
): KeysetPage<T> {
  const accepts = (index: number): boolean => match === null || match(items[index] as T);
  const forward = request.descending ? -1 : 1;
  // Where the requested page starts, walking in display order (`step`) from `start`.
  let start: number;
  let step: number;
  if (request.before !== undefined) {
    step = -forward;
    start = request.descending
      ? upperBound(items, request.before, idOf)
      : lowerBound(items, request.before, idOf) - 1;
  } else {
    step = forward;
    if (request.after !== undefined) {
      start = request.descending
        ? lowerBound(items, request.after, idOf) - 1
        : upperBound(items, request.after, idOf);
    } else {
      start = request.descending ? range.to - 1 : range.from;
    }
  }
  const inRange = (index: number): boolean => index >= range.from && index < range.to;
  const picked: number[] = [];
  let index = start;
  for (; inRange(index) && picked.length < request.limit; index += step) {
    if (accepts(index)) picked.push(index);
  }
  let more = false;
  for (; inRange(index) && !more; index += step) more = accepts(index);
  if (step !== forward) picked.reverse();
  const data = picked.map((at) => items[at] as T);
  if (request.before !== undefined) return { data, hasBefore: more, hasAfter: true };
  return { data, hasBefore: request.after !== undefined && data.length > 0, hasAfter: more };
}

export function v1Pagination<T extends { readonly id: number }>(
  page: KeysetPage<T>,
  accountId: number,
  base: LinkBase,
): V1Pagination {
  const first = page.data[0];
  const last = page.data.at(-1);
  const before = page.hasBefore && first !== undefined ? encodeV1Cursor(accountId, first.id) : null;
  const after = page.hasAfter && last !== undefined ? encodeV1Cursor(accountId, last.id) : null;
  const link = (key: 'after_cursor' | 'before_cursor', cursor: string | null): string | null =>
    cursor === null
      ? null
      : linkTo(base.origin, base.path, base.query, {
          after_cursor: undefined,
          before_cursor: undefined,
          [key]: cursor,
        });
  return {
    before_cursor: before,
    after_cursor: after,
    previous_link: link('before_cursor', before),
    next_link: link('after_cursor', after),
  };
}
