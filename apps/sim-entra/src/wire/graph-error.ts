/**
 * @module Graph's error envelope (entra-api.md §2): `{"error":{"code","message","innerError":{"date",
 * "request-id","client-request-id"}}}`. Routes throw {@link GraphError}; the error handler writes it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestIds } from '../http/request-ids.js';

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }

  /** Read by Fastify's error handler, so a thrown GraphError answers with its own status. */
  get statusCode(): number {
    return this.status;
  }
}

export function sendGraphError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): FastifyReply {
  const ids = requestIds(request);
  return reply
    .code(status)
    .headers(headers)
    .type('application/json')
    .send({
      error: {
        code,
        message,
        innerError: {
          date: ids.date,
          'request-id': ids.requestId,
          'client-request-id': ids.clientRequestId,
        },
      },
    });
}

/** The documented not-found answer (§2). */
export function resourceNotFound(id: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

export function badRequest(message: string): GraphError {
  return new GraphError(400, 'Request_BadRequest', message);
}

export function unsupportedQuery(message: string): GraphError {
  return new GraphError(400, 'Request_UnsupportedQuery', message);
}
