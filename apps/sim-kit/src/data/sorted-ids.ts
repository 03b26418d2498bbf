/**
 * @module Sorted integer id lists (role members, user role_ids): binary-search insert and remove, so paging a
 * role's members never needs a sort.
 */
import { lowerBound } from './sorted-table.js';

const identity = (id: number): number => id;

/** Inserts `id` if absent; returns whether the list changed. */
export function insertId(ids: number[], id: number): boolean {
  const at = lowerBound(ids, id, identity);
  if (ids[at] === id) return false;
  ids.splice(at, 0, id);
  return true;
}

/** Removes `id` if present; returns whether the list changed. */
export function removeId(ids: number[], id: number): boolean {
  const at = lowerBound(ids, id, identity);
  if (ids[at] !== id) return false;
  ids.splice(at, 1);
  return true;
}

export function hasId(ids: readonly number[], id: number): boolean {
  return ids[lowerBound(ids, id, identity)] === id;
}
