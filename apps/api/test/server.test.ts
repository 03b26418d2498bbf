import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSimulator, type Simulator } from '@switchboard/sim-onelogin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from '../src/demo.js';
import { startServer } from '../src/server.js';

let sim: Simulator;
let simUrl: string;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  sim = await buildSimulator({ users: 15 });
  simUrl = await sim.listen(0);
  dir = await mkdtemp(join(tmpdir(), 'switchboard-server-'));
  env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    SWITCHBOARD_DATA_DIR: dir,
    SWITCHBOARD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SWITCHBOARD_API_KEY: `sb_test_${randomBytes(16).toString('hex')}`,
    SWITCHBOARD_UPSTREAM_ONELOGIN: simUrl,
    LOG_LEVEL: 'silent',
  };
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

const auth = () => ({ authorization: `Bearer ${env['SWITCHBOARD_API_KEY']}` });

describe('startServer', () => {
  it('listens, registers SWITCHBOARD_API_KEY, and keeps cursors valid across a restart', async () => {
    const first = await startServer(env, { handleSignals: false, logger: false });
    let cursor: string;
    let account: string;
    try {
      expect((await fetch(`${first.url}/health`)).status).toBe(200);
      const linked = await fetch(`${first.url}/integrated-accounts`, {
        method: 'POST',
        headers: { ...auth(), 'content-type': 'application/json' },
        body: JSON.stringify({
          integration: 'onelogin',
          tenant_id: 'c1',
          connection: { subdomain: 'acme', client_id: 'sim-client-id', client_secret: 'sim-client-secret' },
        }),
      });
      expect(linked.status).toBe(201);
      account = ((await linked.json()) as { id: string }).id;
      const page = await fetch(
        `${first.url}/unified/user-directory/users?integrated_account_id=${account}&limit=5`,
        {
          headers: auth(),
        },
      );
      expect(page.status).toBe(200);
      cursor = ((await page.json()) as { next_cursor: string }).next_cursor;
    } finally {
      await first.close();
    }

    const second = await startServer(env, { handleSignals: false, logger: false });
    try {
      const next = await fetch(
        `${second.url}/unified/user-directory/users?integrated_account_id=${account}&limit=5&next_cursor=${encodeURIComponent(cursor)}`,
        { headers: auth() },
      );
      expect(next.status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('lets an in-flight request finish when closing', async () => {
    const server = await startServer(env, { handleSignals: false, logger: false });
    sim.faults.set({ latency_ms: 400 });
    try {
      const accounts = await fetch(`${server.url}/integrated-accounts?limit=1`, { headers: auth() });
      const account = ((await accounts.json()) as { result: { id: string }[] }).result[0]?.id;
      const slow = fetch(
        `${server.url}/unified/user-directory/users?integrated_account_id=${account}&limit=1`,
        {
          headers: auth(),
        },
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      const closing = server.close();
      expect((await slow).status).toBe(200);
      await closing;
    } finally {
      sim.faults.set({ latency_ms: null });
      await server.close();
    }
  });

  it('refuses an override naming no loaded integration', async () => {
    await expect(
      startServer(
        { ...env, SWITCHBOARD_UPSTREAM_NOPE: 'http://127.0.0.1:1' },
        { handleSignals: false, logger: false },
      ),
    ).rejects.toMatchObject({ code: 'SB_ERR_API_SETTINGS_INVALID' });
  });
});

async function reachable(port: number): Promise<boolean> {
  const { Socket } = await import('node:net');
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(port, '127.0.0.1');
  });
}

const hasRedis = await reachable(6379);
if (!hasRedis) console.warn('SKIPPED: the replicas test needs Redis on 127.0.0.1:6379');

describe.skipIf(!hasRedis)('several replicas (REDIS_URL)', () => {
  it('share the per-key API rate limit', async () => {
    const shared = {
      ...env,
      REDIS_URL: 'redis://127.0.0.1:6379',
      SWITCHBOARD_API_RATE_LIMIT: '3/1m',
      SWITCHBOARD_API_KEY: `sb_test_${randomBytes(16).toString('hex')}`,
    };
    const one = await startServer(shared, { handleSignals: false, logger: false });
    const two = await startServer(shared, { handleSignals: false, logger: false });
    try {
      const headers = { authorization: `Bearer ${shared.SWITCHBOARD_API_KEY}` };
      const statuses = [];
      for (const url of [one.url, two.url, one.url, two.url]) {
        statuses.push((await fetch(`${url}/integrations`, { headers })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe('startDemo', () => {
  it('prints a key, an account per provider and working curl lines, syncs them, and is idempotent', async () => {
    const demoDir = await mkdtemp(join(tmpdir(), 'switchboard-demo-'));
    const demoEnv = {
      PORT: '0',
      DATABASE_URL: `sqlite:${join(demoDir, 'db.sqlite')}`,
      SWITCHBOARD_DATA_DIR: demoDir,
      LOG_LEVEL: 'silent',
    };
    let printed = '';
    const first = await startDemo(demoEnv, {
      handleSignals: false,
      logger: false,
      print: (text) => (printed += text),
    });
    try {
      expect(printed).toContain(first.apiKey);
      expect(printed).toContain(first.accountId);
      expect(Object.keys(first.accounts).sort()).toEqual(['entra', 'okta', 'onelogin']);
      for (const id of Object.values(first.accounts)) expect(printed).toContain(id);
      const curls = printed.split('\n').filter((line) => line.trim().startsWith('curl '));
      // A unified users call per provider, and the change feed's events.
      expect(curls).toHaveLength(4);
      for (const line of curls) {
        const url = /"(http[^"]+)"\s*$/.exec(line)?.[1] as string;
        const response = await fetch(url, { headers: { authorization: `Bearer ${first.apiKey}` } });
        expect(response.status, url).toBe(200);
      }
      // Every demo account is synced (the change feed).
      for (const id of Object.values(first.accounts)) {
        const sync = await fetch(`${first.url}/integrated-accounts/${id}/sync`, {
          headers: { authorization: `Bearer ${first.apiKey}` },
        });
        expect(sync.status).toBe(200);
      }
    } finally {
      await first.close();
    }
    const second = await startDemo(demoEnv, { handleSignals: false, logger: false, print: () => undefined });
    try {
      expect(second.apiKey).toBe(first.apiKey);
      expect(second.accounts).toEqual(first.accounts);
    } finally {
      await second.close();
      await rm(demoDir, { recursive: true, force: true });
    }
  });
});
