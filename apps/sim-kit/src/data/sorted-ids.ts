/**
 * @module Sorted id lists (numbers or fixed-width strings) (role members, user role_ids): binary-search insert and remove, so paging a
 * role's members never needs a sort.
 */
import { lowerBound, type RecordId } from './sorted-table.js';

const identity = <K extends RecordId>(id: K): K => id;

/** Inserts `id` if absent; returns whether the list changed. */
export function insertId<K extends RecordId>(ids: K[], id: K): boolean {
  const at = lowerBound(ids, id, identity);
  if (ids[at] === id) return false;
  ids.splice(at, 0, id);
  return true;
}

/** Removes `id` if present; returns whether the list changed. */
export function removeId<K extends RecordId>(ids: K[], id: K): boolean {
  const at = lowerBound(ids, id, identity);
  if (ids[at] !== id) return false;
  ids.splice(at, 1);
  return true;
}

export function hasId<K extends RecordId>(ids: readonly K[], id: K): boolean {
  return ids[lowerBound(ids, id, identity)] === id;
}
