/**
 * @module What the API adds to Fastify's request and route config: the authenticated caller and each route's
 * access level.
 */
import type {} from 'fastify';

/** Who is calling: the API key and the environment it belongs to (every store call is scoped by it). */
export interface Caller {
  apiKeyId: string;
  environmentId: string;
}

/** `api-key` (default): `Authorization: Bearer <api key>`; `admin`: the operator token; `public`: none. */
export type Access = 'api-key' | 'admin' | 'public';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** Named to avoid clashing with other packages' augmentations of the same interface. */
    sbAccess?: Access;
  }
}

/** The caller of a route that requires an API key (the auth hook guarantees it is set). */
export function callerOf(request: { caller: Caller | null }): Caller {
  if (request.caller === null) throw new Error('route reached without an authenticated caller');
  return request.caller;
}
