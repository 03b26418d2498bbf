import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildSimulator } from '@switchboard/sim-onelogin';
import { openStore } from '@switchboard/store';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../src/logger.js';
import { startServer } from '../src/server.js';

describe('logs', () => {
  it('carry no API key, admin token, client secret, access token or link token, even at trace level', async () => {
    const sim = await buildSimulator({ users: 5 });
    const simUrl = await sim.listen(0);
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-logs-'));
    let text = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    const logger = pino(loggerOptions('trace'), sink) as unknown as FastifyBaseLogger;
    const apiKey = `sb_test_${randomBytes(16).toString('hex')}`;
    const adminToken = `admin_${randomBytes(16).toString('hex')}`;
    const secret = 'sim-client-secret';
    const encryptionKey = randomBytes(32);
    const databaseUrl = `sqlite:${join(dir, 'db.sqlite')}`;
    let accountId = '';
    const server = await startServer(
      {
        PORT: '0',
        DATABASE_URL: databaseUrl,
        SWITCHBOARD_DATA_DIR: dir,
        SWITCHBOARD_ENCRYPTION_KEY: encryptionKey.toString('base64'),
        SWITCHBOARD_API_KEY: apiKey,
        SWITCHBOARD_ADMIN_TOKEN: adminToken,
        SWITCHBOARD_UPSTREAM_ONELOGIN: simUrl,
      },
      { handleSignals: false, logger },
    );
    try {
      const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
      const created = await fetch(`${server.url}/integrated-accounts`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          integration: 'onelogin',
          tenant_id: 'c',
          connection: { subdomain: 'acme', client_id: 'sim-client-id', client_secret: secret },
        }),
      });
      const { id } = (await created.json()) as { id: string };
      accountId = id;
      await fetch(
        `${server.url}/unified/user-directory/users?integrated_account_id=${id}&response_format=debug`,
        {
          headers,
        },
      );
      await fetch(`${server.url}/integrated-accounts`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          integration: 'onelogin',
          tenant_id: 'c',
          connection: { subdomain: 'acme', client_id: 'sim-client-id', client_secret: 'a-wrong-secret' },
        }),
      });
      const link = await fetch(`${server.url}/link-tokens`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ integration: 'onelogin', tenant_id: 'c' }),
      });
      const { link_token } = (await link.json()) as { link_token: string };
      await fetch(`${server.url}/connect/${link_token}`);
      await fetch(`${server.url}/admin/environments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x' }),
      });
    } finally {
      await server.close();
      await sim.close();
    }
    const store = await openStore({ url: databaseUrl, encryptionKey });
    const accessToken = (await store.tokens.get(`onelogin:${accountId}`))?.access_token;
    await store.close();
    expect(accessToken).toBeTruthy();
    expect(text).toContain('incoming request');
    for (const forbidden of [apiKey, adminToken, secret, 'a-wrong-secret', accessToken as string]) {
      expect(text).not.toContain(forbidden);
    }
    expect(text).not.toMatch(/lt_[A-Za-z0-9_-]{20,}/);
    await rm(dir, { recursive: true, force: true });
  });

  it('note a caller that hangs up mid-request at info, not as a failed request', async () => {
    const sim = await buildSimulator({ users: 5 });
    const simUrl = await sim.listen(0);
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-logs-'));
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const apiKey = `sb_test_${randomBytes(16).toString('hex')}`;
    const server = await startServer(
      {
        PORT: '0',
        DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
        SWITCHBOARD_DATA_DIR: dir,
        SWITCHBOARD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        SWITCHBOARD_API_KEY: apiKey,
        SWITCHBOARD_UPSTREAM_ONELOGIN: simUrl,
      },
      { handleSignals: false, logger: pino(loggerOptions('info'), sink) as unknown as FastifyBaseLogger },
    );
    try {
      const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
      const created = await fetch(`${server.url}/integrated-accounts`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          integration: 'onelogin',
          tenant_id: 'c',
          connection: { subdomain: 'acme', client_id: 'sim-client-id', client_secret: 'sim-client-secret' },
        }),
      });
      const { id } = (await created.json()) as { id: string };
      sim.faults.set({ latency_ms: 2000 });
      const upstreamCalled = new Promise<void>((resolve) => sim.app.server.once('request', () => resolve()));
      const caller = new AbortController();
      const call = fetch(`${server.url}/proxy/users?integrated_account_id=${id}`, {
        headers,
        signal: caller.signal,
      }).catch(() => 'hung up');
      await upstreamCalled;
      caller.abort();
      expect(await call).toBe('hung up');
      await expect
        .poll(() => lines.some((line) => line.msg === 'caller closed the connection before the answer'))
        .toBe(true);
      expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    } finally {
      sim.faults.set({ latency_ms: 0 });
      await server.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
