/**
 * @module Record ids: `<prefix>_<10 chars of time><16 random chars>`, lower-case Crockford base32
 * (the ULID layout). The time part is the record's `created_at` in milliseconds, fixed width, so sorting
 * ids as text sorts records by (created_at, id): keyset pagination can continue after an id even if that
 * record is gone. Within one millisecond the random part counts up (as monotonic ULIDs do), so ids made by
 * one process also sort in creation order. The alphabet sorts the same under byte order and collations.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_CHARS = 16;

export type IdPrefix = 'env' | 'key' | 'ia' | 'lt' | 'run' | 'evt' | 'wh' | 'dlv';

let lastTime = -1;
let lastRandom: number[] = [];

/** `createdAt` must be the timestamp stored with the record: the id encodes it. */
export function prefixedId(prefix: IdPrefix, createdAt: Date): string {
  const ms = createdAt.getTime();
  const random = ms === lastTime ? increment(lastRandom) : undefined;
  lastRandom = random ?? freshRandom();
  lastTime = ms;
  return `${prefix}_${encodeTime(ms)}${lastRandom.map((digit) => ALPHABET[digit]).join('')}`;
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

function freshRandom(): number[] {
  return [...randomBytes(RANDOM_CHARS)].map((byte) => byte % 32);
}

/** The next base32 number, or undefined on overflow (then a fresh random part is as good as any). */
function increment(digits: number[]): number[] | undefined {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i -= 1) {
    if (next[i]! < 31) {
      next[i]! += 1;
      return next;
    }
    next[i] = 0;
  }
  return undefined;
}
