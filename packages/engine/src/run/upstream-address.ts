/**
 * @module Where an upstream call points: the `{{ id }}` of its path and, for paths that address two records
 * (`/users/{{ user_id }}/roles/{{ role_assignment_id }}`), named parts. An `id:` expression yields either a
 * scalar (the id) or an object of parts; a part called `id` fills `{{ id }}`.
 */
import { type MappingSite, mappingFailure } from '../mapping/mapping-failure.js';

export interface UpstreamAddress {
  id?: string | undefined;
  /** Named placeholders of the path, query and headers, e.g. `{ user_id: '00u1', role_assignment_id: 'ra1' }`. */
  named?: Record<string, string> | undefined;
}

/** Template roots a named part may not take: they mean something else in a template. */
export const RESERVED_PLACEHOLDERS: ReadonlySet<string> = new Set(['connection', 'token', 'parent', 'id']);

/** The address an `id:` expression's value names; undefined when it names none (no such upstream record). */
export function addressOf(value: unknown, site: MappingSite): UpstreamAddress | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return { id: String(value) };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw mappingFailure(site, new Error('an id must be a string, a number or an object of named parts'));
  }
  const address: UpstreamAddress = {};
  const named: Record<string, string> = {};
  for (const [name, part] of Object.entries(value)) {
    if (part === null || part === undefined || part === '') continue;
    if (typeof part !== 'string' && typeof part !== 'number' && typeof part !== 'boolean') {
      throw mappingFailure(site, new Error(`id part "${name}" must be a string or a number`));
    }
    if (name === 'id') address.id = String(part);
    else if (RESERVED_PLACEHOLDERS.has(name)) {
      throw mappingFailure(site, new Error(`id part "${name}" would hide {{ ${name}.… }}; rename it`));
    } else named[name] = String(part);
  }
  if (Object.keys(named).length > 0) address.named = named;
  return address.id === undefined && address.named === undefined ? undefined : address;
}
