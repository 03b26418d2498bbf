/**
 * @module `auth.type: oauth2_jwt_bearer` — RFC 7523 §2.1: a JWT signed with the account's private key is the
 * grant (`grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`, `assertion=<jwt>`), exchanged for an access
 * token whenever one is needed (Google service accounts).
 */
import type { Auth } from '@switchboard/schema';
import { oauth2Strategy } from './oauth2-token-flow.js';
import type { AuthStrategy } from './strategy.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export function oauth2JwtBearerStrategy(auth: Extract<Auth, { type: 'oauth2_jwt_bearer' }>): AuthStrategy {
  return oauth2Strategy(auth, {
    // Each request signs a new assertion (new jti): asking again has no side effect.
    request: () => ({
      params: { grant_type: JWT_BEARER_GRANT },
      idempotent: true,
      assertion: { spec: auth.assertion, where: 'auth.assertion' },
    }),
  });
}
