/**
 * @module How a route is guarded, declared in its Fastify `config`:
 * - `resource`: API calls; faults apply, a token is required, the budget is charged.
 * - `open-resource`: like `resource` but the token is optional (OneLogin's `GET /api/1/events/types` is
 *   documented without one); without a token nothing is charged.
 * - `token-only`: a valid token is required, nothing else (a rate-limit status route must not spend the
 *   budget it reports).
 * Routes without an `access` (token endpoints, `/__sim/`) are only counted.
 */

export type Access = 'resource' | 'open-resource' | 'token-only';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const RESOURCE = { config: { access: 'resource' } } as const;
export const OPEN_RESOURCE = { config: { access: 'open-resource' } } as const;
export const TOKEN_ONLY = { config: { access: 'token-only' } } as const;
