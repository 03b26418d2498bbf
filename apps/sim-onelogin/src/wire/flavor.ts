/** @module Which wire dialect a path speaks: /api/2 is bare JSON, everything else (/api/1, /auth) is enveloped. */
import type { FastifyRequest } from 'fastify';

export type Flavor = 'v1' | 'v2';

export function flavorOfPath(path: string): Flavor {
  return path.startsWith('/api/2/') || path === '/api/2' ? 'v2' : 'v1';
}

export function pathOf(request: FastifyRequest): string {
  const query = request.url.indexOf('?');
  return query === -1 ? request.url : request.url.slice(0, query);
}

export function flavorOf(request: FastifyRequest): Flavor {
  return flavorOfPath(pathOf(request));
}
