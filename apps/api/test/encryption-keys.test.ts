/**
 * Encryption keys in production (issue 16, items 4 and 5): `startServer` requires a real key, a key change keeps
 * working with `SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS`, and an account whose credentials no key opens can still be
 * deleted or given complete new credentials.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSimulator, type Simulator } from '@switchboard/sim-onelogin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerHandle, startServer } from '../src/server.js';

const CONNECTION = { subdomain: 'acme', client_id: 'sim-client-id', client_secret: 'sim-client-secret' };
let sim: Simulator;
let simUrl: string;
let dir: string;
let base: Record<string, string>;
const apiKey = `sb_test_${randomBytes(16).toString('hex')}`;
const auth = { authorization: `Bearer ${apiKey}` };
const newKey = () => randomBytes(32).toString('base64');

beforeAll(async () => {
  sim = await buildSimulator({ users: 3 });
  simUrl = await sim.listen(0);
  dir = await mkdtemp(join(tmpdir(), 'switchboard-keys-'));
  base = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    SWITCHBOARD_DATA_DIR: dir,
    SWITCHBOARD_API_KEY: apiKey,
    SWITCHBOARD_UPSTREAM_ONELOGIN: simUrl,
    SWITCHBOARD_CACHE_TTL: 'off',
    LOG_LEVEL: 'silent',
  };
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function withServer<T>(
  env: Record<string, string>,
  use: (server: ServerHandle) => Promise<T>,
): Promise<T> {
  const server = await startServer({ ...base, ...env }, { handleSignals: false, logger: false });
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

async function link(server: ServerHandle): Promise<string> {
  const response = await fetch(`${server.url}/integrated-accounts`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ integration: 'onelogin', tenant_id: 'c1', connection: CONNECTION }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const listUsers = (server: ServerHandle, account: string) =>
  fetch(`${server.url}/unified/user-directory/users?integrated_account_id=${account}&limit=1`, {
    headers: auth,
  });

describe('the production encryption key', () => {
  it('is required: without SWITCHBOARD_ENCRYPTION_KEY startServer refuses to start and writes no key file', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'switchboard-nokey-'));
    try {
      await expect(
        startServer({ ...base, SWITCHBOARD_DATA_DIR: empty }, { handleSignals: false, logger: false }),
      ).rejects.toMatchObject({ code: 'SB_ERR_STORE_ENCRYPTION_KEY_MISSING' });
      expect(await readdir(empty)).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('refuses an all-zero key', async () => {
    await expect(
      startServer(
        { ...base, SWITCHBOARD_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') },
        { handleSignals: false, logger: false },
      ),
    ).rejects.toMatchObject({ code: 'SB_ERR_STORE_ENCRYPTION_KEY_INVALID' });
  });
});

describe('a key change', () => {
  it('keeps accounts working with SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS', async () => {
    const [oldKey, currentKey] = [newKey(), newKey()];
    const account = await withServer({ SWITCHBOARD_ENCRYPTION_KEY: oldKey }, link);
    await withServer(
      { SWITCHBOARD_ENCRYPTION_KEY: currentKey, SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS: oldKey },
      async (server) => {
        expect((await listUsers(server, account)).status).toBe(200);
      },
    );
  });

  it('lets an account no key opens be deleted, or re-linked with complete new credentials', async () => {
    const deleted = await withServer({ SWITCHBOARD_ENCRYPTION_KEY: newKey() }, link);
    const relinked = await withServer({ SWITCHBOARD_ENCRYPTION_KEY: newKey() }, link);
    await withServer({ SWITCHBOARD_ENCRYPTION_KEY: newKey() }, async (server) => {
      expect((await listUsers(server, relinked)).status).toBe(500);
      const patch = await fetch(`${server.url}/integrated-accounts/${relinked}`, {
        method: 'PATCH',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ connection: { client_secret: CONNECTION.client_secret } }),
      });
      expect(patch.status).toBe(200);
      expect((await listUsers(server, relinked)).status).toBe(200);

      const gone = await fetch(`${server.url}/integrated-accounts/${deleted}`, {
        method: 'DELETE',
        headers: auth,
      });
      expect(gone.status).toBe(204);
      expect((await fetch(`${server.url}/integrated-accounts/${deleted}`, { headers: auth })).status).toBe(
        404,
      );
    });
  });
});
