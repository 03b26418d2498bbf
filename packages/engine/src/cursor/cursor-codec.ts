/**
 * @module Unified cursors: `base64url(nonce ‖ AES-256-GCM(JSON payload) ‖ tag)`. Opaque to callers — encrypted,
 * because a cursor may carry the rest of an upstream page (`r`, `a`: a customer's records, e-mail addresses
 * included) and cursors travel in URLs, which proxies and access logs keep — tamper-evident (the GCM tag), and
 * bound (through `q`) to the integration, the account and the query. The nonce is an HMAC of the payload, so
 * the same position always gives the same cursor and two positions never share a nonce. Cursors issued before
 * encryption (`base64url(JSON) "." base64url(HMAC-SHA256)`) are still accepted, so listings in flight across an
 * upgrade go on.
 */
import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
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
  /**
   * The payload of a cursor this secret issued, whatever query it is bound to — for diagnostics and tests; a
   * request is served with `decode`, which also checks the binding.
   */
  read(cursor: string): CursorPayload;
}

/**
 * The longest cursor accepted, and so the longest issued (`issue-cursor.ts` drops carried records, or fails, rather
 * than hand out a longer one); within what the API accepts, and refusing longer input early bounds the work an
 * attacker can cause.
 */
export const MAX_CURSOR_LENGTH = 8192;
const DOMAIN = 'switchboard.cursor.v1:';
/** GCM additional data of every sealed cursor: the domain, as bytes once rather than per cursor. */
const AAD = Buffer.from(DOMAIN);
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export function createCursorCodec(secret: string | Uint8Array): CursorCodec {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (key.length < 32) throw new InvalidInput('cursorSecret must be at least 32 bytes');
  // One secret, three independent keys: the legacy signature, the nonce and the cipher.
  const derive = (label: string) => createHmac('sha256', key).update(`${DOMAIN}${label}`).digest();
  const nonceKey = derive('nonce');
  const cipherKey = derive('cipher');
  const legacySign = (body: string) => createHmac('sha256', key).update(DOMAIN).update(body).digest();

  const seal = (plain: Buffer): string => {
    const nonce = createHmac('sha256', nonceKey).update(plain).digest().subarray(0, NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', cipherKey, nonce);
    cipher.setAAD(AAD);
    const sealed = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return sealed.toString('base64url');
  };

  const open = (cursor: string): Buffer => {
    const sealed = Buffer.from(cursor, 'base64url');
    // Non-canonical base64 (changed padding bits) decodes to the same bytes: compare the text form too.
    if (sealed.toString('base64url') !== cursor || sealed.length < NONCE_BYTES + TAG_BYTES) {
      throw new InvalidCursor('malformed');
    }
    const decipher = createDecipheriv('aes-256-gcm', cipherKey, sealed.subarray(0, NONCE_BYTES));
    decipher.setAAD(AAD);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch (error) {
      throw new InvalidCursor('signature mismatch', { cause: error });
    }
  };

  const openLegacy = (body: string, signature: string): Buffer => {
    const expected = legacySign(body);
    const given = Buffer.from(signature, 'base64url');
    const canonical = given.toString('base64url') === signature;
    if (!canonical || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new InvalidCursor('signature mismatch');
    }
    return Buffer.from(body, 'base64url');
  };

  const read = (cursor: string): CursorPayload => {
    if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) {
      throw new InvalidCursor('malformed');
    }
    const parts = cursor.split('.');
    if (parts.length > 2) throw new InvalidCursor('malformed');
    const [first, signature] = parts as [string, string | undefined];
    const plain = signature === undefined ? open(first) : openLegacy(first, signature);
    let payload: unknown;
    try {
      payload = JSON.parse(plain.toString('utf8'));
    } catch (error) {
      throw new InvalidCursor('malformed', { cause: error });
    }
    if (!isPayload(payload)) throw new InvalidCursor('unsupported payload');
    return payload;
  };

  return {
    encode: (payload) => seal(Buffer.from(JSON.stringify({ v: 1, ...payload }), 'utf8')),
    read,
    decode(cursor, binding) {
      const payload = read(cursor);
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
