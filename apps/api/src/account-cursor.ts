/**
 * @module The cursor of `GET /integrated-accounts`: the last id of the page and the filters it was taken with,
 * HMAC-signed and bound to the caller's environment, so that a forged cursor, or one replayed with other filters
 * or by another environment, answers 400.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidCursor } from '@switchboard/engine';

export interface AccountCursor {
  after: string;
  integration?: string;
  tenantId?: string;
}

export function encodeAccountCursor(key: Uint8Array, environmentId: string, cursor: AccountCursor): string {
  const payload = Buffer.from(
    JSON.stringify([cursor.after, cursor.integration ?? null, cursor.tenantId ?? null]),
  ).toString('base64url');
  return `${payload}.${sign(key, environmentId, payload)}`;
}

/** The position to resume from; throws `InvalidCursor` when forged or when the filters differ. */
export function decodeAccountCursor(
  key: Uint8Array,
  environmentId: string,
  text: string,
  filters: { integration?: string; tenantId?: string },
): string {
  const [payload, signature, extra] = text.split('.');
  if (payload === undefined || signature === undefined || extra !== undefined) {
    throw new InvalidCursor('malformed');
  }
  const expected = Buffer.from(sign(key, environmentId, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new InvalidCursor('signature mismatch');
  }
  const [after, integration, tenantId] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [
    string,
    string | null,
    string | null,
  ];
  if (integration !== (filters.integration ?? null) || tenantId !== (filters.tenantId ?? null)) {
    throw new InvalidCursor('the cursor belongs to another query');
  }
  return after;
}

// The environment is signed, not written: another environment's cursor fails the signature like a forged one.
function sign(key: Uint8Array, environmentId: string, payload: string): string {
  return createHmac('sha256', key)
    .update('integrated-accounts:')
    .update(`${environmentId}:`)
    .update(payload)
    .digest('base64url');
}
