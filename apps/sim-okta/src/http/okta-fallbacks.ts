/** @module Unknown routes (404 E0000007) and framework errors in Okta's envelope. */
import { registerFallbackHandlers } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import { OktaErrors, sendOktaError } from '../wire/okta-errors.js';

export function registerOktaFallbacks(app: FastifyInstance): void {
  registerFallbackHandlers(app, {
    notFound: (request, reply) => sendOktaError(reply, OktaErrors.notFound(request.url.split('?')[0] ?? '')),
    error: (_request, reply, status, message) =>
      status >= 500
        ? sendOktaError(reply, OktaErrors.internal)
        : sendOktaError(reply, { status, code: 'E0000001', summary: `Api validation failed: ${message}` }),
  });
}
