/**
 * @module Unified cursors: `base64url(JSON payload) "." base64url(HMAC-SHA256)`. Opaque to callers,
 * tamper-evident, and bound (through `q`) to the integration, the account and the query.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidCursor, InvalidInput } from '../errors.js';
import {
  type CarriedPage,
  isCarriedPage,
  isFanOutPosition,
  isMergedPosition,
  isPagePosition,
  isPageSkip,
  type ListPosition,
  type MergedPosition,
  type PageSkip,
} from './list-position.js';

export interface CursorPayload {
  /** Payload format version. */
  v: 1;
  /** The query binding (`queryBinding`). */
  q: string;
  /** The page to read next (a merged list: every source's position). */
  p: ListPosition | MergedPosition;
  /** What was already returned from that page. */
  s: PageSkip;
  /**
   * The page size the listing asked the upstream for (its first call's `limit`), kept for every later page so
   * positions keep pointing into the same pages. Absent (cursors made before it existed, fan-outs): the declared
   * `page_size.value`, as then.
   */
  z?: number;
  /**
   * The rest of the page at `p`, carried so the next call does not fetch it again (`s` then counts into these
   * records); absent when it was over the cap (the page is read again) or there was none.
   */
  r?: CarriedPage;
  /** The one parent record of a fan-out whose parent is a `get`, carried so it is not read again. */
  a?: unknown;
}

export interface CursorCodec {
  encode(payload: Omit<CursorPayload, 'v'>): string;
  /** Throws `InvalidCursor` for anything not signed by this secret or bound to another query. */
  decode(cursor: string, binding: string): CursorPayload;
}

/**
 * Above any cursor this engine issues (carried records are capped well below it, see `run/carry.ts`) and within
 * what the API accepts; refusing longer input early bounds the work an attacker can cause.
 */
const MAX_CURSOR_LENGTH = 8192;
const DOMAIN = 'switchboard.cursor.v1:';

export function createCursorCodec(secret: string | Uint8Array): CursorCodec {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (key.length < 32) throw new InvalidInput('cursorSecret must be at least 32 bytes');
  const sign = (body: string) => createHmac('sha256', key).update(DOMAIN).update(body).digest();

  return {
    encode(payload) {
      const body = Buffer.from(JSON.stringify({ v: 1, ...payload }), 'utf8').toString('base64url');
      return `${body}.${sign(body).toString('base64url')}`;
    },
    decode(cursor, binding) {
      if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) {
        throw new InvalidCursor('malformed');
      }
      const [body, signature, extra] = cursor.split('.');
      if (body === undefined || signature === undefined || extra !== undefined) {
        throw new InvalidCursor('malformed');
      }
      const expected = sign(body);
      const given = Buffer.from(signature, 'base64url');
      // Non-canonical base64 (changed padding bits) decodes to the same bytes: compare the text form too.
      const canonical = given.toString('base64url') === signature;
      if (!canonical || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new InvalidCursor('signature mismatch');
      }
      let payload: unknown;
      try {
        payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch (error) {
        throw new InvalidCursor('malformed', { cause: error });
      }
      if (!isPayload(payload)) throw new InvalidCursor('unsupported payload');
      if (payload.q !== binding) throw new InvalidCursor('it belongs to another account or query');
      return payload;
    },
  };
}

function isPayload(value: unknown): value is CursorPayload {
  if (value === null || typeof value !== 'object') return false;
  const { v, q, p, s, z, r } = value as Record<string, unknown>;
  return (
    v === 1 &&
    (z === undefined || (typeof z === 'number' && Number.isInteger(z) && z >= 1)) &&
    (r === undefined || isCarriedPage(r)) &&
    typeof q === 'string' &&
    (isPagePosition(p) || isFanOutPosition(p) || isMergedPosition(p)) &&
    isPageSkip(s)
  );
}
