/**
 * @module The system under test: the real engine (the repository's integration files), the real store (a SQLite
 * file in a temporary folder, or a given URL) and the OneLogin simulator listening on port 0, behind `build()`.
 * Tests talk to it only through `app.inject()`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine, loadIntegrationDirectory } from '@switchboard/engine';
import { buildSimulator, type Simulator, type SimulatorOptions } from '@switchboard/sim-onelogin';
import { openStore, type Store } from '@switchboard/store';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { build } from '../src/app.js';
import { DEFAULT_INTEGRATIONS_DIR } from '../src/server.js';
import { parseSettings } from '../src/settings.js';
import type { StoreHealthOptions } from '../src/store-health.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const SIM_CONNECTION = {
  subdomain: 'acme',
  client_id: 'sim-client-id',
  client_secret: 'sim-client-secret',
};

export interface StackOptions {
  simulator?: SimulatorOptions;
  /** Extra environment variables for `parseSettings`. */
  env?: Record<string, string>;
  /** Default: a fresh SQLite file. */
  databaseUrl?: string;
  storeHealth?: StoreHealthOptions;
  /** Puts something (e.g. a relay that can hold requests) between the engine and the simulator: its base URL. */
  upstream?: (simUrl: string) => Promise<string>;
}

export interface Tenant {
  environmentId: string;
  apiKey: string;
  headers: { authorization: string };
}

export interface Stack {
  app: FastifyInstance;
  /** The store's key, for a second store on the same database (a replica). */
  encryptionKey: Buffer;
  store: Store;
  engine: Engine;
  sim: Simulator;
  simUrl: string;
  admin: { authorization: string };
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** A new environment with one API key, through the admin API. */
  tenant(name?: string): Promise<Tenant>;
  /** Links a simulator account for `tenant` through the API; returns its id. */
  link(tenant: Tenant, connection?: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const sim = await buildSimulator(options.simulator ?? {});
  const simUrl = await sim.listen(0);
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-api-'));
  const settings = parseSettings({
    SWITCHBOARD_ADMIN_TOKEN: ADMIN_TOKEN,
    SWITCHBOARD_API_RATE_LIMIT: 'off',
    ...options.env,
  });
  const encryptionKey = randomBytes(32);
  // Cached as `startServer` caches, so that every test also runs against the in-process caches.
  const store = await openStore({
    url: options.databaseUrl ?? `sqlite:${join(dir, 'switchboard.db')}`,
    encryptionKey,
    ...(settings.cacheTtlMs > 0 ? { cache: { ttlMs: settings.cacheTtlMs } } : {}),
  });
  const engine = createEngine({
    integrations: await loadIntegrationDirectory(DEFAULT_INTEGRATIONS_DIR),
    cursorSecret: randomBytes(32),
    tokenStore: store.tokens,
    upstreamOverrides: { onelogin: options.upstream ? await options.upstream(simUrl) : simUrl },
  });
  const app = await build({
    engine,
    store,
    settings,
    logger: false,
    ...(options.storeHealth === undefined ? {} : { storeHealth: options.storeHealth }),
  });
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  let tenants = 0;

  const stack: Stack = {
    app,
    encryptionKey,
    store,
    engine,
    sim,
    simUrl,
    admin,
    inject: (request) => app.inject(request),
    async tenant(name = `tenant-${++tenants}-${randomBytes(3).toString('hex')}`) {
      const environment = await app.inject({
        method: 'POST',
        url: '/admin/environments',
        headers: admin,
        payload: { name },
      });
      const environmentId = (environment.json() as { id: string }).id;
      const key = await app.inject({
        method: 'POST',
        url: `/admin/environments/${environmentId}/api-keys`,
        headers: admin,
      });
      const apiKey = (key.json() as { api_key: string }).api_key;
      return { environmentId, apiKey, headers: { authorization: `Bearer ${apiKey}` } };
    },
    async link(tenant, connection = SIM_CONNECTION) {
      const response = await app.inject({
        method: 'POST',
        url: '/integrated-accounts',
        headers: tenant.headers,
        payload: { integration: 'onelogin', tenant_id: 'customer-42', connection },
      });
      if (response.statusCode !== 201)
        throw new Error(`link failed: ${response.statusCode} ${response.body}`);
      return (response.json() as { id: string }).id;
    },
    async close() {
      await app.close();
      await engine.close();
      await store.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** Asserts the contract's error shape and returns the body. */
export function errorBody(response: LightMyRequestResponse): {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  details: Record<string, unknown>;
  remote?: { status?: number; body?: unknown };
  is_remote_error?: boolean;
} {
  const body = response.json() as Record<string, unknown>;
  const shaped =
    body['statusCode'] === response.statusCode &&
    typeof body['code'] === 'string' &&
    /^SB_ERR_[A-Z0-9_]+$/.test(body['code']) &&
    typeof body['error'] === 'string' &&
    typeof body['message'] === 'string' &&
    typeof body['details'] === 'object' &&
    body['details'] !== null;
  if (!shaped) throw new Error(`not the error shape: ${response.statusCode} ${response.body.slice(0, 500)}`);
  return body as ReturnType<typeof errorBody>;
}
