import { randomBytes } from 'node:crypto';
import { createServer, type Server, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, SIM_CONNECTION, type Stack, startStack, type Tenant } from './stack.js';

describe('upstream rate limits', () => {
  let stack: Stack;
  let tenant: Tenant;
  let account: string;
  beforeAll(async () => {
    stack = await startStack({ simulator: { users: 20 } });
    tenant = await stack.tenant();
    account = await stack.link(tenant);
  });
  afterAll(async () => {
    await stack.close();
  });
  const url = () => `/unified/user-directory/users?integrated_account_id=${account}&limit=5`;

  it('retries through a short 429 storm', async () => {
    stack.sim.faults.set({ rate_limit_storm: { count: 2, reset_seconds: 1 } });
    const response = await stack.inject({ url: url(), headers: tenant.headers });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().result).toHaveLength(5);
  });

  it('answers 429 with Retry-After when the upstream asks for a longer wait than the engine accepts', async () => {
    stack.sim.faults.set({ rate_limit_storm: { count: 50, reset_seconds: 3600 } });
    try {
      const response = await stack.inject({ url: url(), headers: tenant.headers });
      expect(response.statusCode).toBe(429);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      const body = errorBody(response);
      expect(body.code).toBe('SB_ERR_HTTP_RATE_LIMITED');
      expect(body.is_remote_error).toBe(true);
      expect(body.remote?.status).toBe(429);

      // Until then Switchboard holds further calls back itself, without troubling the upstream: still a 429
      // with Retry-After, but not claimed as the upstream's answer.
      const held = await stack.inject({ url: url(), headers: tenant.headers });
      expect(held.statusCode).toBe(429);
      expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
      expect(errorBody(held)).toMatchObject({ code: 'SB_ERR_HTTP_RATE_LIMITED' });
      expect(errorBody(held).is_remote_error).toBeUndefined();
    } finally {
      stack.sim.faults.set({ rate_limit_storm: null });
    }
  });

  it('answers 502 with the upstream status when the upstream keeps failing', async () => {
    // A fresh account: the previous test taught the engine to hold the first one back for an hour.
    const fresh = await stack.link(tenant);
    stack.sim.faults.set({ error_burst: { count: 20, status: 503 } });
    try {
      const response = await stack.inject({
        url: `/unified/user-directory/users?integrated_account_id=${fresh}&limit=5`,
        headers: tenant.headers,
      });
      expect(response.statusCode).toBe(502);
      const body = errorBody(response);
      expect(body.is_remote_error).toBe(true);
      expect(body.remote?.status).toBe(503);
    } finally {
      stack.sim.faults.set({ error_burst: null });
    }
  });

  it('flags the account needs_reauth when the upstream refuses its stored credentials, and clears it after', async () => {
    const id = await stack.link(tenant);
    const url = `/unified/user-directory/users?integrated_account_id=${id}&limit=1`;
    expect((await stack.inject({ url, headers: tenant.headers })).statusCode).toBe(200);
    // The customer rotated the secret upstream (old tokens die with it): what Switchboard stores no longer works.
    await stack.store.accounts.updateConnection(
      tenant.environmentId,
      id,
      { ...SIM_CONNECTION, client_secret: 'rotated-upstream' },
      ['client_secret'],
    );
    stack.sim.faults.set({ revoke_all_tokens: true });
    const refused = await stack.inject({ url, headers: tenant.headers });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(errorBody(refused).code).toBe('SB_ERR_AUTH_NEEDS_REAUTH');
    expect(refused.body).not.toContain('rotated-upstream');
    const flagged = await stack.inject({ url: `/integrated-accounts/${id}`, headers: tenant.headers });
    expect(flagged.json().status).toBe('needs_reauth');

    const fixed = await stack.inject({
      method: 'PATCH',
      url: `/integrated-accounts/${id}`,
      headers: tenant.headers,
      payload: { connection: { client_secret: SIM_CONNECTION.client_secret } },
    });
    expect(fixed.json().status).toBe('active');
    expect((await stack.inject({ url, headers: tenant.headers })).statusCode).toBe(200);
  });
});

describe('meta', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ simulator: { users: 5 } });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('GET /health answers ok', async () => {
    const response = await stack.inject({ url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /openapi.json is OpenAPI 3.1 with every route and the unified schemas', async () => {
    const response = await stack.inject({ url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    for (const path of [
      '/integrations',
      '/integrated-accounts',
      '/integrated-accounts/{id}',
      '/integrated-accounts/{id}/capabilities',
      '/link-tokens',
      '/unified/user-directory/users',
      '/unified/user-directory/users/{id}',
      '/unified/user-directory/role_assignments',
      '/proxy/{resource}',
      '/proxy/{resource}/{id}',
      '/health',
    ]) {
      expect(document.paths, path).toHaveProperty([path]);
    }
    for (const schema of [
      'User',
      'Group',
      'Role',
      'RoleAssignment',
      'Activity',
      'UserCreate',
      'ErrorResponse',
    ]) {
      expect(document.components.schemas, schema).toHaveProperty([schema]);
    }
    const list = document.paths['/unified/user-directory/users'].get;
    expect(JSON.stringify(list.responses['200'])).toContain('#/components/schemas/User');
    expect(list.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['integrated_account_id', 'limit', 'next_cursor', 'email', 'updated_at[gte]']),
    );
  });
});

/** A TCP relay in front of Postgres that the test can cut and restore: a real outage, not a mock. */
class Relay {
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.#server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.on('close', () => this.#sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.#server?.listen(this.port, '127.0.0.1', resolve));
    const address = this.#server.address();
    if (typeof address === 'object' && address !== null) this.port = address.port;
  }

  async cut(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}

async function postgresReachable(): Promise<boolean> {
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
    socket.connect(5432, '127.0.0.1');
  });
}

const hasPostgres = await postgresReachable();
if (!hasPostgres) console.warn('SKIPPED: store outage test needs PostgreSQL on 127.0.0.1:5432');

describe.skipIf(!hasPostgres)('store outage (PostgreSQL behind a relay that is cut and restored)', () => {
  it('answers 503 everywhere while the store is down and recovers by itself', async () => {
    const relay = new Relay({ host: '127.0.0.1', port: 5432 });
    await relay.open();
    const schema = `api_outage_${randomBytes(4).toString('hex')}`;
    const stack = await startStack({
      simulator: { users: 5 },
      databaseUrl: `postgres://postgres@127.0.0.1:${relay.port}/test?schema=${schema}`,
      storeHealth: { ttlMs: 50, timeoutMs: 500 },
    });
    try {
      const tenant = await stack.tenant();
      const account = await stack.link(tenant);
      const calls = [
        { url: '/integrated-accounts', headers: tenant.headers },
        { url: `/unified/user-directory/users?integrated_account_id=${account}`, headers: tenant.headers },
        { url: '/integrations', headers: tenant.headers },
        { url: '/integrations' },
      ];
      expect((await stack.inject({ url: '/health' })).statusCode).toBe(200);

      await relay.cut();
      const health = await stack.inject({ url: '/health' });
      expect(health.statusCode).toBe(503);
      expect(errorBody(health).code).toBe('SB_ERR_STORE_UNAVAILABLE');
      for (const call of calls) {
        const response = await stack.inject(call);
        expect(response.statusCode, call.url).toBe(503);
        expect(errorBody(response).code).toBe('SB_ERR_STORE_UNAVAILABLE');
      }

      await relay.open();
      let healthy = false;
      for (let attempt = 0; attempt < 100 && !healthy; attempt++) {
        healthy = (await stack.inject({ url: '/health' })).statusCode === 200;
        if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(healthy).toBe(true);
      const after = await stack.inject(calls[1] as (typeof calls)[number]);
      expect(after.statusCode, after.body).toBe(200);
    } finally {
      await relay.cut();
      await stack.close().catch(() => undefined);
    }
  }, 60_000);
});
