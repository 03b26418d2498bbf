/**
 * @module The auth strategy for an `auth:` block, looked up by `type`.
 */
import type { Auth, AuthType } from '@switchboard/schema';
import { apiKeyStrategy } from './api-key.js';
import { basicStrategy } from './basic.js';
import { bearerStrategy } from './bearer.js';
import { noneStrategy } from './none.js';
import { oauth2AuthorizationCodeStrategy } from './oauth2-authorization-code.js';
import { oauth2ClientCredentialsStrategy } from './oauth2-client-credentials.js';
import { oauth2JwtBearerStrategy } from './oauth2-jwt-bearer.js';
import type { AuthStrategy } from './strategy.js';

const STRATEGIES: { [K in AuthType]: (auth: Extract<Auth, { type: K }>) => AuthStrategy } = {
  none: noneStrategy,
  api_key: apiKeyStrategy,
  bearer: bearerStrategy,
  basic: basicStrategy,
  oauth2_client_credentials: oauth2ClientCredentialsStrategy,
  oauth2_authorization_code: oauth2AuthorizationCodeStrategy,
  oauth2_jwt_bearer: oauth2JwtBearerStrategy,
};

export function authStrategy(auth: Auth): AuthStrategy {
  const create = STRATEGIES[auth.type] as (auth: Auth) => AuthStrategy;
  return create(auth);
}
