/**
 * @module The one place errors become HTTP answers: every thrown error, validation failure, unknown route and
 * framework refusal leaves through here in the contract's shape, with the status from `error-status.ts`.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from '../error-response.js';
import { NotFound } from '../errors.js';
import { plainJson } from '../plain-json.js';

/** Installs the error and not-found handlers on the root instance (call before registering routes). */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    sendError(
      new NotFound(`route ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)}`),
      request,
      reply,
    );
  });
}

/** Sends `error` in the contract's shape; also used for framework errors raised before routing. */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const response = toErrorResponse(error, { url: request.url });
  if (callerLeft(error, reply)) {
    // The engine stopped because the caller hung up (`request-signal.ts`): nothing failed, and nobody reads the
    // answer. Worth a line, not an error with a stack.
    request.log.info('caller closed the connection before the answer');
  } else if (response.status >= 500) {
    request.log.error({ err: error }, 'request failed');
    if (response.body.code === 'SB_ERR_API_INTERNAL') {
      response.body.message = `internal error (request id ${request.id})`;
    }
  } else {
    request.log.info({ code: response.body.code, status: response.status }, 'request refused');
  }
  // Framework errors can arrive before a route (and its serializers) exist: serialize here, once.
  plainJson(reply.code(response.status).headers(response.headers)).send(response.body);
}

function callerLeft(error: unknown, reply: FastifyReply): boolean {
  return error instanceof Error && error.name === 'AbortError' && reply.raw.destroyed;
}
