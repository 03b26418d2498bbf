/**
 * @module The connection values URLs may be rendered with: the account's non-secret fields only, so a secret
 * never ends up in a URL (`upstream-origins.ts` renders the base URL and auth hosts with them).
 */
import type { CompiledIntegration } from '../../config/compiled-integration.js';
import type { AccountContext } from '../upstream.js';

export function publicConnection(
  integration: CompiledIntegration,
  account: AccountContext,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(account.connection).filter(([name]) => !integration.secretFields.has(name)),
  );
}
