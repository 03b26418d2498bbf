import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@switchboard/store';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rekey } from './rekey.js';

let dir: string;
let url: string;
const output: { out: string[]; err: string[] } = { out: [], err: [] };
const io = {
  cwd: '.',
  out: (text: string) => output.out.push(text),
  err: (text: string) => output.err.push(text),
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-rekey-'));
  url = `sqlite:${join(dir, 'db.sqlite')}`;
  output.out = [];
  output.err = [];
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

async function accountSealedWith(key: Buffer) {
  const store = await openStore({ url, encryptionKey: key });
  const env = await store.environments.create('acme');
  const account = await store.accounts.create(env.id, {
    integration: 'onelogin',
    tenantId: 't',
    connection: { subdomain: 'acme', client_id: 'cid', client_secret: 'secret-9' },
    secretFields: ['client_secret'],
  });
  await store.close();
  return { environmentId: env.id, accountId: account.id };
}

describe('switchboard rekey', () => {
  it('re-seals every credential with the current key, after which the previous key can go', async () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const { environmentId, accountId } = await accountSealedWith(oldKey);
    vi.stubEnv('DATABASE_URL', url);
    vi.stubEnv('SWITCHBOARD_ENCRYPTION_KEY', newKey.toString('base64'));
    vi.stubEnv('SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS', oldKey.toString('base64'));

    expect(await rekey.run([], io)).toBe(0);
    expect(output.out.join('\n')).toMatch(/re-sealed 1 account/);

    const store = await openStore({ url, encryptionKey: newKey });
    expect((await store.accounts.getWithSecrets(environmentId, accountId))?.secrets).toEqual({
      client_secret: 'secret-9',
    });
    await store.close();
  });

  it('exits 1 naming the accounts no key opens, and never prints a key', async () => {
    const lostKey = randomBytes(32);
    const { accountId } = await accountSealedWith(lostKey);
    const newKey = randomBytes(32).toString('base64');
    vi.stubEnv('DATABASE_URL', url);
    vi.stubEnv('SWITCHBOARD_ENCRYPTION_KEY', newKey);
    vi.stubEnv('SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS', '');

    expect(await rekey.run([], io)).toBe(1);
    expect(output.err.join('\n')).toContain(accountId);
    expect([...output.out, ...output.err].join('\n')).not.toContain(newKey);
  });

  it('requires SWITCHBOARD_ENCRYPTION_KEY', async () => {
    vi.stubEnv('DATABASE_URL', url);
    vi.stubEnv('SWITCHBOARD_ENCRYPTION_KEY', '');
    expect(await rekey.run([], io)).toBe(1);
    expect(output.err.join('\n')).toMatch(/SB_ERR_STORE_ENCRYPTION_KEY_MISSING/);
  });
});
