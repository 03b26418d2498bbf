/** @module Headers every Okta API response carries: `x-okta-request-id` (the SDK echoes it on retries). */
import { randomBytes } from 'node:crypto';
import { pathOf } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';

export function registerResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (pathOf(request).startsWith('/__sim/')) return payload;
    reply.header('x-okta-request-id', randomBytes(18).toString('base64url'));
    reply.header('cache-control', 'no-cache, no-store');
    return payload;
  });
}
