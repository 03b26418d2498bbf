/**
 * @module Graph's correlation data: every response carries `request-id` (new per request) and
 * `client-request-id` (the caller's when it sent one, else the same as `request-id`); error bodies repeat them
 * with the time. Assigned when the request arrives, from the simulator's seeded id stream and clock.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimContext } from './context.js';

export interface RequestIds {
  readonly requestId: string;
  readonly clientRequestId: string;
  /** `2024-03-01T09:15:00`, as Graph writes `innerError.date` (no zone). */
  readonly date: string;
}

const assigned = new WeakMap<FastifyRequest, RequestIds>();

function idsFor(request: FastifyRequest, requestId: string, now: number): RequestIds {
  const sent = request.headers['client-request-id'];
  return {
    requestId,
    clientRequestId: typeof sent === 'string' && sent !== '' ? sent : requestId,
    date: new Date(now).toISOString().slice(0, 19),
  };
}

/** Registered before the request guard, so even its refusals carry the ids. */
export function registerRequestIds(app: FastifyInstance, context: SimContext): void {
  app.addHook('onRequest', async (request) => {
    assigned.set(request, idsFor(request, context.state.ids.guid(), context.now()));
  });
}

export function requestIds(request: FastifyRequest): RequestIds {
  let found = assigned.get(request);
  if (found === undefined) {
    found = idsFor(request, randomUUID(), Date.now());
    assigned.set(request, found);
  }
  return found;
}
