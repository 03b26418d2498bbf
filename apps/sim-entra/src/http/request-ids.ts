/**
 * @module Graph's correlation headers: every response carries `request-id` (new per request) and
 * `client-request-id` (the caller's when it sent one, else the same as `request-id`).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

export interface RequestIds {
  readonly requestId: string;
  readonly clientRequestId: string;
}

const ids = new WeakMap<FastifyRequest, RequestIds>();

export function requestIds(request: FastifyRequest): RequestIds {
  let found = ids.get(request);
  if (found === undefined) {
    const requestId = randomUUID();
    const sent = request.headers['client-request-id'];
    found = { requestId, clientRequestId: typeof sent === 'string' && sent !== '' ? sent : requestId };
    ids.set(request, found);
  }
  return found;
}
