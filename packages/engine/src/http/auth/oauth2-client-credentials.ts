/**
 * @module `auth.type: oauth2_client_credentials` — a new token from the client credentials whenever needed.
 */
import type { Auth } from '@switchboard/schema';
import { oauth2Strategy } from './oauth2-token-flow.js';
import type { AuthStrategy } from './strategy.js';

export function oauth2ClientCredentialsStrategy(
  auth: Extract<Auth, { type: 'oauth2_client_credentials' }>,
): AuthStrategy {
  return oauth2Strategy(auth, {
    // Asking again for a client-credentials token has no side effect, so it may be retried freely.
    request: () => ({ params: { grant_type: 'client_credentials' }, idempotent: true }),
  });
}
