/**
 * @module v2 `sort=+field|-field`. Only identity fields sort; others answer the recorded
 * UnprocessableEntityFieldError ("Invalid sort field: created_at").
 */
import type { UserRecord } from '../data/records.js';

const SORTABLE = new Set(['id', 'firstname', 'lastname', 'email', 'username']);
// One collator for all comparisons: `localeCompare` with options builds a new one per call (seconds on 100k users).
const collator = new Intl.Collator('en', { sensitivity: 'base' });

export type UserSort = { readonly field: string; readonly descending: boolean };

/** `null` for the default order (ascending id); `{ invalid }` for a field that does not sort. */
export function readUserSort(raw: string | undefined): UserSort | null | { invalid: string } {
  if (raw === undefined || raw.trim() === '') return null;
  // A literal "+" arrives as a space after URL decoding.
  const trimmed = raw.trim();
  const descending = trimmed.startsWith('-');
  const field = trimmed.replace(/^[-+]/, '');
  if (!SORTABLE.has(field)) return { invalid: field };
  if (field === 'id' && !descending) return null;
  return { field, descending };
}

export function sortUsers(users: readonly UserRecord[], sort: UserSort): UserRecord[] {
  const direction = sort.descending ? -1 : 1;
  const key = sort.field as 'id' | 'firstname' | 'lastname' | 'email' | 'username';
  return [...users].sort((a, b) => {
    const left = a[key] ?? '';
    const right = b[key] ?? '';
    const order =
      typeof left === 'number' && typeof right === 'number'
        ? left - right
        : collator.compare(String(left), String(right));
    return order === 0 ? a.id - b.id : order * direction;
  });
}
