/**
 * @module Record ids: `<prefix>_<10 chars of time><16 random chars>`, lower-case Crockford base32.
 * The time part is the record's `created_at` in milliseconds, fixed width, so sorting ids as text sorts
 * records by (created_at, id): keyset pagination can continue after an id even if that record is gone.
 * The alphabet (digits, lower-case letters) sorts the same under byte order and the usual collations.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix = 'env' | 'key' | 'ia' | 'lt';

export function prefixedId(prefix: IdPrefix, createdAt: Date): string {
  return `${prefix}_${encodeTime(createdAt.getTime())}${encodeRandom()}`;
}

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i += 1) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(): string {
  let out = '';
  for (const byte of randomBytes(16)) out += ALPHABET[byte % 32];
  return out;
}
