/**
 * @module Headers real OneLogin responses carry. v1 (Rails): an empty `link:`, a `status: 200 OK` line,
 * `x-runtime`; both versions: `x-request-id` and `cache-control: private`.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { pathOf } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import { flavorOfPath } from '../wire/flavor.js';

export function registerResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const path = pathOf(request);
    if (path.startsWith('/__sim/')) return payload;
    reply.header('x-request-id', randomUUID());
    reply.header('cache-control', 'private');
    if (flavorOfPath(path) === 'v1') {
      reply.header('link', '');
      reply.header('status', `${reply.statusCode} ${STATUS_CODES[reply.statusCode] ?? ''}`.trim());
      reply.header('x-runtime', (reply.elapsedTime / 1000).toFixed(6));
    }
    return payload;
  });
}
