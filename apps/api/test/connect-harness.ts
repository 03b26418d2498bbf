/**
 * A minimal app for the connect tests: the connect plugin with the real engine (loaded from `integrations/`),
 * the real store (in-memory SQLite) and the OneLogin simulator as the upstream.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type Engine, loadIntegrationDirectory } from '@switchboard/engine';
import { buildSimulator, type Simulator } from '@switchboard/sim-onelogin';
import { type Environment, openStore, type Store } from '@switchboard/store';
import Fastify, { type FastifyInstance } from 'fastify';
import { createEngine } from '../../../packages/engine/src/run/create-engine.js'; // TEMP until exported
import { connectRoutes } from '../src/connect/plugin.js';

const INTEGRATIONS = fileURLToPath(new URL('../../../integrations', import.meta.url));

export interface ConnectHarness {
  app: FastifyInstance;
  store: Store;
  engine: Engine;
  sim: Simulator;
  environment: Environment;
  /** Issues a OneLogin link token for `tenantId`. */
  linkToken(options?: { tenantId?: string; redirectUrl?: string; ttlSeconds?: number }): Promise<string>;
  close(): Promise<void>;
}

export async function startConnectHarness(
  configure?: (app: FastifyInstance) => Promise<void> | void,
): Promise<ConnectHarness> {
  const sim = await buildSimulator({ users: 3 });
  const simUrl = await sim.listen();
  const store = await openStore({ url: 'sqlite::memory:', encryptionKey: randomBytes(32) });
  const engine = createEngine({
    integrations: await loadIntegrationDirectory(INTEGRATIONS),
    cursorSecret: randomBytes(32),
    tokenStore: store.tokens,
    upstreamOverrides: { onelogin: simUrl },
  });
  const app = Fastify({ logger: false });
  await configure?.(app);
  await app.register(connectRoutes, { engine, store });
  await app.ready();
  const environment = await store.environments.create('acme');
  return {
    app,
    store,
    engine,
    sim,
    environment,
    async linkToken(options = {}) {
      const { token } = await store.linkTokens.create(environment.id, {
        integration: 'onelogin',
        tenantId: options.tenantId ?? 'customer-42',
        ...(options.redirectUrl === undefined ? {} : { redirectUrl: options.redirectUrl }),
        ...(options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds }),
      });
      return token;
    },
    async close() {
      await app.close();
      await engine.close();
      await store.close();
      await sim.close();
    },
  };
}
