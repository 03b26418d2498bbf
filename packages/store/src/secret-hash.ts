/**
 * @module API keys and link tokens are bearer secrets: only their SHA-256 is stored. They are long random
 * values, so an unsalted fast hash is enough (nothing to brute-force) and lets the hash be looked up.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex hashes, so the check itself leaks nothing through timing. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A fresh bearer secret: `<prefix><43 base64url chars>` (256 random bits). */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}
