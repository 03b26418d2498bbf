/**
 * @module Unknown routes and framework errors, answered in the dialect of the path: v1 "No Route Exists",
 * v2 NotFoundError; malformed requests that Fastify rejects before a route runs become 400s.
 */
import { pathOf, registerFallbackHandlers as registerKitFallbacks } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import { flavorOf } from '../wire/flavor.js';
import { sendError } from '../wire/send.js';
import { V1Messages } from '../wire/v1-envelope.js';
import { V2Messages } from '../wire/v2-errors.js';

export function registerFallbackHandlers(app: FastifyInstance): void {
  registerKitFallbacks(app, {
    notFound: (request, reply) => {
      const flavor = flavorOf(request);
      return sendError(reply, flavor, 404, flavor === 'v1' ? V1Messages.noRoute : V2Messages.routeNotFound);
    },
    error: (request, reply, status, message, code) => {
      // An empty or unusable Content-Type never reaches our parser; the token endpoints word this specially.
      if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        const text = pathOf(request).startsWith('/auth/') ? V1Messages.contentType : 'Unsupported Media Type';
        return sendError(reply, flavorOf(request), 400, text);
      }
      return sendError(reply, flavorOf(request), status, message);
    },
  });
}
