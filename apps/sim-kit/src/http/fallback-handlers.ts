/**
 * @module Unknown routes and framework errors, answered in the provider's error shape: malformed requests
 * that Fastify rejects before a route runs become 4xx, anything unexpected a logged 500 (never a stack trace).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface FallbackDialect {
  notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply;
  /** `message` is Fastify's for 4xx, `Internal Server Error` for 5xx. */
  error(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    message: string,
    code?: string,
  ): FastifyReply;
}

export function registerFallbackHandlers(app: FastifyInstance, dialect: FallbackDialect): void {
  app.setNotFoundHandler((request, reply) => dialect.notFound(request, reply));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'simulator route failed');
      return dialect.error(request, reply, 500, 'Internal Server Error', error.code);
    }
    return dialect.error(request, reply, status, error.message, error.code);
  });
}
