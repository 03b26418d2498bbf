/**
 * @module Cursors of the API's own lists (integrated accounts, events, webhooks, deliveries): the last id of the
 * page and the filters it was taken with, HMAC-signed and bound to the list and the caller's environment, so a
 * forged cursor, or one replayed on another list, with other filters or by another environment, answers 400.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidCursor } from '@switchboard/engine';

/** Filter values as part of the signed payload; `null` for "not given". */
export type CursorFilters = readonly (string | null)[];

export function encodeListCursor(
  key: Uint8Array,
  list: string,
  environmentId: string,
  after: string,
  filters: CursorFilters,
): string {
  const payload = Buffer.from(JSON.stringify([after, ...filters])).toString('base64url');
  return `${payload}.${sign(key, list, environmentId, payload)}`;
}

/** The position to resume from; throws `InvalidCursor` when forged or when the filters differ. */
export function decodeListCursor(
  key: Uint8Array,
  list: string,
  environmentId: string,
  text: string,
  filters: CursorFilters,
): string {
  const [payload, signature, extra] = text.split('.');
  if (payload === undefined || signature === undefined || extra !== undefined) {
    throw new InvalidCursor('malformed');
  }
  const expected = Buffer.from(sign(key, list, environmentId, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new InvalidCursor('signature mismatch');
  }
  const [after, ...signed] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [
    string,
    ...(string | null)[],
  ];
  if (signed.length !== filters.length || signed.some((value, i) => value !== filters[i])) {
    throw new InvalidCursor('the cursor belongs to another query');
  }
  return after;
}

// The environment is signed, not written: another environment's cursor fails the signature like a forged one.
function sign(key: Uint8Array, list: string, environmentId: string, payload: string): string {
  return createHmac('sha256', key)
    .update(`${list}:`)
    .update(`${environmentId}:`)
    .update(payload)
    .digest('base64url');
}
