/**
 * @module While the store does not answer, every call (health aside, which pings for itself) answers 503 in the
 * error shape; the process keeps running and recovers on its own when a later ping succeeds.
 */
import { StoreUnavailable } from '@switchboard/store';
import type { FastifyInstance } from 'fastify';
import type { StoreHealth } from '../store-health.js';

export function installStoreAvailability(app: FastifyInstance, health: StoreHealth): void {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.url === '/health') return;
    if (!(await health.available())) throw new StoreUnavailable('store');
  });
}
