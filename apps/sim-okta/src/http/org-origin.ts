/**
 * @module The org URL written into `_links` of response bodies. Real Okta writes its org URL there whatever
 * address the call used; by default the simulator uses the origin the client reached it on, and `orgUrl` pins
 * it (fixture recording, so body links do not carry a recording proxy's port). Paging `Link` headers always use
 * the request's origin: clients follow them.
 */
import { originOf } from '@switchboard/sim-kit';
import type { FastifyRequest } from 'fastify';
import type { SimContext } from './context.js';

export function orgOrigin(context: SimContext, request: FastifyRequest): string {
  return context.options.orgUrl ?? originOf(request);
}
