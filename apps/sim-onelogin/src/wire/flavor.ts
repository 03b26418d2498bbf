/** @module Which wire dialect a path speaks: /api/2 is bare JSON, everything else (/api/1, /auth) is enveloped. */
import { pathOf } from '@switchboard/sim-kit';
import type { FastifyRequest } from 'fastify';

export type Flavor = 'v1' | 'v2';

export function flavorOfPath(path: string): Flavor {
  return path.startsWith('/api/2/') || path === '/api/2' ? 'v2' : 'v1';
}

export function flavorOf(request: FastifyRequest): Flavor {
  return flavorOfPath(pathOf(request));
}
