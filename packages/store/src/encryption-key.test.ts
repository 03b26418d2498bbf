import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { thrown } from '../test/thrown.js';
import { resolveEncryptionKey, resolvePreviousEncryptionKeys } from './encryption-key.js';
import { EncryptionKeyInvalid, EncryptionKeyMissing } from './errors.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-key-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('resolveEncryptionKey', () => {
  it('uses SWITCHBOARD_ENCRYPTION_KEY when it decodes to 32 bytes, in any mode, without warning', () => {
    const key = randomBytes(32);
    const warnings: string[] = [];
    const dataDir = tempDir();
    for (const NODE_ENV of ['production', 'development']) {
      const resolved = resolveEncryptionKey({
        env: { SWITCHBOARD_ENCRYPTION_KEY: key.toString('base64'), NODE_ENV },
        dataDir,
        warn: (m) => warnings.push(m),
      });
      expect(resolved.equals(key)).toBe(true);
    }
    expect(warnings).toEqual([]);
    expect(() => statSync(join(dataDir, 'encryption.key'))).toThrow();
  });

  it('refuses a key that is not 32 bytes of base64, without echoing it', () => {
    for (const bad of [
      randomBytes(16).toString('base64'),
      'not base64 at all!',
      `${randomBytes(32).toString('base64')}AAAA`,
    ]) {
      const error = thrown(() =>
        resolveEncryptionKey({ env: { SWITCHBOARD_ENCRYPTION_KEY: bad }, dataDir: tempDir() }),
      );
      expect(error).toBeInstanceOf(EncryptionKeyInvalid);
      expect(String(error)).not.toContain(bad);
    }
  });

  it('refuses to start in production without a key, and writes nothing', () => {
    const dataDir = tempDir();
    expect(() => resolveEncryptionKey({ env: { NODE_ENV: 'production' }, dataDir })).toThrow(
      EncryptionKeyMissing,
    );
    expect(() => statSync(join(dataDir, 'encryption.key'))).toThrow();
  });

  it('in development, generates a key file once with mode 0600, reuses it, and warns', () => {
    const dataDir = join(tempDir(), 'nested', '.switchboard');
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);

    const first = resolveEncryptionKey({ env: {}, dataDir, warn });
    const file = join(dataDir, 'encryption.key');
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first)).toBe(true);

    const second = resolveEncryptionKey({ env: { NODE_ENV: 'development' }, dataDir, warn });
    expect(second.equals(first)).toBe(true);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('SWITCHBOARD_ENCRYPTION_KEY');
    expect(warnings.join()).not.toContain(first.toString('base64'));
  });
});

describe('hardening (issue 16)', () => {
  it('refuses trivially weak keys: all zero, one repeated byte, a short repeating pattern', () => {
    for (const weak of [Buffer.alloc(32), Buffer.alloc(32, 0x41), Buffer.from('abcd'.repeat(8))]) {
      const error = thrown(() =>
        resolveEncryptionKey({
          env: { SWITCHBOARD_ENCRYPTION_KEY: weak.toString('base64') },
          dataDir: tempDir(),
        }),
      );
      expect(error).toMatchObject({ code: 'SB_ERR_STORE_ENCRYPTION_KEY_INVALID' });
      expect(String(error)).toMatch(/weak/);
    }
  });

  it('with required: true never generates a key, whatever NODE_ENV says', () => {
    const dataDir = tempDir();
    const error = thrown(() =>
      resolveEncryptionKey({ env: { NODE_ENV: 'development' }, dataDir, required: true }),
    );
    expect(error).toBeInstanceOf(EncryptionKeyMissing);
    expect(() => statSync(join(dataDir, 'encryption.key'))).toThrow();
  });

  it('reads SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS (comma-separated), refusing bad ones', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    expect(resolvePreviousEncryptionKeys({})).toEqual([]);
    const keys = resolvePreviousEncryptionKeys({
      SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS: `${a.toString('base64')}, ${b.toString('base64url')}`,
    });
    expect(keys.map((key) => key.toString('hex'))).toEqual([a.toString('hex'), b.toString('hex')]);
    expect(
      thrown(() => resolvePreviousEncryptionKeys({ SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS: 'short' })),
    ).toBeInstanceOf(EncryptionKeyInvalid);
  });
});
