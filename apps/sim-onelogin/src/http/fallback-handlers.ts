/**
 * @module Unknown routes and framework errors, answered in the dialect of the path: v1 "No Route Exists",
 * v2 NotFoundError; malformed requests that Fastify rejects before a route runs become 400s.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { flavorOf, pathOf } from '../wire/flavor.js';
import { sendError } from '../wire/send.js';
import { V1Messages } from '../wire/v1-envelope.js';
import { V2Messages } from '../wire/v2-errors.js';

export function registerFallbackHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    const flavor = flavorOf(request);
    return sendError(reply, flavor, 404, flavor === 'v1' ? V1Messages.noRoute : V2Messages.routeNotFound);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const flavor = flavorOf(request);
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'simulator route failed');
      return sendError(reply, flavor, 500, 'Internal Server Error');
    }
    // An empty or unusable Content-Type never reaches our parser; the token endpoints word this specially.
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      const message = pathOf(request).startsWith('/auth/')
        ? V1Messages.contentType
        : 'Unsupported Media Type';
      return sendError(reply, flavor, 400, message);
    }
    return sendError(reply, flavor, status, error.message);
  });
}
