/**
 * @module `GET /health`: 200 `{ status: 'ok' }` when the store answers a fresh ping, else 503 in the error shape.
 */
import { StoreUnavailable } from '@switchboard/store';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../route-deps.js';
import { ErrorResponse } from '../schemas/common.js';

export async function healthRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  app.get(
    '/health',
    {
      config: { sbAccess: 'public', rateLimit: false },
      schema: {
        tags: ['meta'],
        summary: 'Liveness and store availability',
        security: [],
        response: {
          200: {
            type: 'object',
            required: ['status'],
            properties: { status: { type: 'string', enum: ['ok'] } },
          },
          503: { $ref: `${ErrorResponse.$id}#` },
        },
      },
    },
    async () => {
      if (!(await deps.storeHealth.available({ fresh: true }))) throw new StoreUnavailable('store');
      return { status: 'ok' as const };
    },
  );
}
