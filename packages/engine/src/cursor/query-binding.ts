/**
 * @module What a cursor is bound to: the integration, the account, and the query it came from (model,
 * resource, filters, remote query — not the limit, which may change between calls).
 */
import { createHash } from 'node:crypto';

export interface QueryIdentity {
  integration: string;
  accountId: string;
  /** Unified model, or `proxy` for proxy lists. */
  model: string;
  resource: string;
  filters?: Readonly<Record<string, string>> | undefined;
  remoteQuery?: Readonly<Record<string, string | readonly string[]>> | undefined;
}

/** A short digest of the identity; equal queries in any key order give the same binding. */
export function queryBinding(identity: QueryIdentity): string {
  const canonical = JSON.stringify([
    identity.integration,
    identity.accountId,
    identity.model,
    identity.resource,
    sortedEntries(identity.filters),
    sortedEntries(identity.remoteQuery),
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

function sortedEntries(record: Readonly<Record<string, unknown>> | undefined): [string, unknown][] {
  return Object.entries(record ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
