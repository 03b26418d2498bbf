/**
 * @module Splits a unified list's query string into Switchboard's own parameters, the unified filters
 * (`email`, `updated_at[gte]`, … kept as flat keys) and `remote_query[NAME]` values forwarded untouched; reads
 * `expand`.
 */

/** Parameters Switchboard reads itself; everything else is a filter or a remote query value. */
export const RESERVED_PARAMETERS: ReadonlySet<string> = new Set([
  'integrated_account_id',
  'expand',
  'limit',
  'next_cursor',
  'remote_data',
  'response_format',
]);

const REMOTE_QUERY = /^remote_query\[([^\]]+)\]$/;

export interface SplitQuery {
  filters: Record<string, string>;
  remoteQuery: Record<string, string>;
}

export function splitQuery(query: Record<string, unknown>): SplitQuery {
  const filters: Record<string, string> = {};
  const remoteQuery: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (RESERVED_PARAMETERS.has(key) || typeof value !== 'string') continue;
    const remoteName = REMOTE_QUERY.exec(key)?.[1];
    if (remoteName === undefined) filters[key] = value;
    else remoteQuery[remoteName] = value;
  }
  return { filters, remoteQuery };
}

/**
 * `expand=groups,roles` → `['groups', 'roles']` (trimmed, duplicates and empty names dropped); undefined when
 * absent. Which names exist is the integration's: the engine answers 400 for one it cannot expand.
 */
export function parseExpand(value: unknown): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const names = [...new Set(value.split(',').map((name) => name.trim()))].filter((name) => name !== '');
  return names.length > 0 ? names : undefined;
}
