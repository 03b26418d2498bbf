/**
 * @module Headers on every Graph response: `request-id` and `client-request-id` (§2), the OData JSON media type,
 * and `x-ms-resource-unit` (what the call cost against the identity throttling budget).
 */
import { pathOf } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import { requestIds } from './request-ids.js';

const ODATA_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function registerResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!pathOf(request).startsWith('/v1.0')) return payload;
    const ids = requestIds(request);
    reply.header('request-id', ids.requestId);
    reply.header('client-request-id', ids.clientRequestId);
    reply.header('x-ms-resource-unit', '1');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('application/json')) reply.header('content-type', ODATA_JSON);
    return payload;
  });
}
