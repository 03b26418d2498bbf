/** @module The path of a request without its query string. */
import type { FastifyRequest } from 'fastify';

export function pathOf(request: FastifyRequest): string {
  const query = request.url.indexOf('?');
  return query === -1 ? request.url : request.url.slice(0, query);
}
