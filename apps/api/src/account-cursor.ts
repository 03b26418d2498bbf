/**
 * @module The cursor of `GET /integrated-accounts` (see list-cursor.ts): bound to the environment and to the
 * `integration` and `tenant_id` filters it was taken with.
 */
import { decodeListCursor, encodeListCursor } from './list-cursor.js';

export interface AccountCursor {
  after: string;
  integration?: string;
  tenantId?: string;
}

const LIST = 'integrated-accounts';

export function encodeAccountCursor(key: Uint8Array, environmentId: string, cursor: AccountCursor): string {
  return encodeListCursor(key, LIST, environmentId, cursor.after, [
    cursor.integration ?? null,
    cursor.tenantId ?? null,
  ]);
}

/** The position to resume from; throws `InvalidCursor` when forged or when the filters differ. */
export function decodeAccountCursor(
  key: Uint8Array,
  environmentId: string,
  text: string,
  filters: { integration?: string; tenantId?: string },
): string {
  return decodeListCursor(key, LIST, environmentId, text, [
    filters.integration ?? null,
    filters.tenantId ?? null,
  ]);
}
