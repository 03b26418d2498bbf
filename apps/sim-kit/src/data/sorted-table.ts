/**
 * @module An id-sorted array plus a map by id. Lists are served by index (page math, binary search for
 * keyset cursors) so no request ever re-sorts the whole collection. Ids are numbers (OneLogin) or
 * fixed-width strings whose code-unit order is their creation order (Okta's `00u…`).
 */

export type RecordId = number | string;

export class SortedTable<T extends { readonly id: K }, K extends RecordId = number> {
  readonly items: T[] = [];
  readonly byId = new Map<K, T>();

  get size(): number {
    return this.items.length;
  }

  get(id: K): T | undefined {
    return this.byId.get(id);
  }

  get last(): T | undefined {
    return this.items.at(-1);
  }

  /** Appends in O(1) when ids only grow (the normal case); otherwise inserts in place. */
  insert(item: T): void {
    if (this.byId.has(item.id)) throw new RangeError(`duplicate id ${String(item.id)}`);
    this.byId.set(item.id, item);
    const last = this.last;
    if (last === undefined || item.id > last.id) {
      this.items.push(item);
      return;
    }
    this.items.splice(this.indexAfter(item.id), 0, item);
  }

  remove(id: K): T | undefined {
    const item = this.byId.get(id);
    if (item === undefined) return undefined;
    this.byId.delete(id);
    this.items.splice(this.indexAfter(id) - 1, 1);
    return item;
  }

  /** Index of the first item whose id is greater than `id`. */
  indexAfter(id: K): number {
    return upperBound(this.items, id, (item) => item.id);
  }

  clear(): void {
    this.items.length = 0;
    this.byId.clear();
  }
}

/** First index whose key is greater than `key`, for an array sorted ascending by `keyOf`. */
export function upperBound<T, K extends RecordId>(
  items: readonly T[],
  key: K,
  keyOf: (item: T) => K,
): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keyOf(items[mid] as T) <= key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** First index whose key is greater than or equal to `key`. */
export function lowerBound<T, K extends RecordId>(
  items: readonly T[],
  key: K,
  keyOf: (item: T) => K,
): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keyOf(items[mid] as T) < key) low = mid + 1;
    else high = mid;
  }
  return low;
}
