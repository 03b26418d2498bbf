import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCipher, keyId } from './cipher.js';
import { DecryptFailed, EncryptionKeyInvalid } from './errors.js';

const key = randomBytes(32);

describe('cipher', () => {
  it('round-trips, with a fresh IV each time and the key id in the prefix', () => {
    const cipher = createCipher(key);
    const a = cipher.seal('{"client_secret":"s3cret"}', 'ctx');
    const b = cipher.seal('{"client_secret":"s3cret"}', 'ctx');

    expect(a).not.toBe(b);
    expect(a.startsWith(`v1.${keyId(key)}.`)).toBe(true);
    expect(a).not.toContain('s3cret');
    expect(cipher.open(a, 'ctx', 'x')).toBe('{"client_secret":"s3cret"}');
  });

  it('refuses altered data, another context, another key and garbage', () => {
    const cipher = createCipher(key);
    const sealed = cipher.seal('hello', 'account-1');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[4]!, 'base64url');
    flipped[0]! ^= 1;
    const tampered = [...parts.slice(0, 4), flipped.toString('base64url')].join('.');

    expect(() => cipher.open(tampered, 'account-1', 'x')).toThrow(DecryptFailed);
    expect(() => cipher.open(sealed, 'account-2', 'x')).toThrow(DecryptFailed);
    expect(() => createCipher(randomBytes(32)).open(sealed, 'account-1', 'x')).toThrow(DecryptFailed);
    expect(() => cipher.open('not sealed', 'account-1', 'x')).toThrow(DecryptFailed);
  });

  it('opens values sealed with a previous key, so keys can rotate', () => {
    const old = createCipher(key);
    const sealed = old.seal('hello', 'ctx');
    const rotated = createCipher(randomBytes(32), [key]);

    expect(rotated.open(sealed, 'ctx', 'x')).toBe('hello');
    expect(rotated.seal('hello', 'ctx').split('.')[1]).not.toBe(keyId(key));
  });

  it('only takes 32-byte keys', () => {
    expect(() => createCipher(randomBytes(16))).toThrow(EncryptionKeyInvalid);
  });
});
