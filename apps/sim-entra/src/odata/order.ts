/**
 * @module A collection's order: a key tuple per record and a direction per element. Pages are cut by keyset
 * (the next page starts after the last key served), so records added or removed between pages never make a
 * reader see one twice or skip one that stayed.
 */

export type KeyPart = string | number;

export interface Order<T> {
  key(record: T): readonly KeyPart[];
  /** 1 ascending, -1 descending, per key element. */
  readonly directions: readonly (1 | -1)[];
}

export function compareKeys(
  a: readonly KeyPart[],
  b: readonly KeyPart[],
  directions: readonly (1 | -1)[],
): number {
  for (let index = 0; index < a.length; index++) {
    const left = a[index] as KeyPart;
    const right = b[index] as KeyPart;
    if (left === right) continue;
    const direction = directions[index] ?? 1;
    return (left < right ? -1 : 1) * direction;
  }
  return 0;
}

/** Sorted copy (stable). */
export function sortBy<T>(records: readonly T[], order: Order<T>): T[] {
  const keyed = records.map((record) => ({ record, key: order.key(record) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key, order.directions));
  return keyed.map((entry) => entry.record);
}

/** Records in serving order, read by position: an array, or an array read backwards without copying it. */
export interface OrderedView<T> {
  readonly length: number;
  at(index: number): T;
}

export function inOrder<T>(records: readonly T[]): OrderedView<T> {
  return { length: records.length, at: (index) => records[index] as T };
}

export function backwards<T>(records: readonly T[]): OrderedView<T> {
  const last = records.length - 1;
  return { length: records.length, at: (index) => records[last - index] as T };
}

/** Index of the first record strictly after `after` in records ordered by `order`. */
export function indexAfter<T>(sorted: OrderedView<T>, after: readonly KeyPart[], order: Order<T>): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareKeys(order.key(sorted.at(mid)), after, order.directions) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Opaque `$skiptoken`: the last key served, with the order it belongs to. */
export function encodeSkipToken(orderName: string, key: readonly KeyPart[]): string {
  return Buffer.from(JSON.stringify([orderName, ...key]), 'utf8').toString('base64url');
}

export function decodeSkipToken(token: string): { orderName: string; key: KeyPart[] } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') return undefined;
    const key = parsed.slice(1);
    if (!key.every((part) => typeof part === 'string' || typeof part === 'number')) return undefined;
    return { orderName: parsed[0], key: key as KeyPart[] };
  } catch {
    return undefined;
  }
}
