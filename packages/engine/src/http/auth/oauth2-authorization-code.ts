/**
 * @module `auth.type: oauth2_authorization_code` — access tokens from a refresh token. The first refresh token
 * is the connection's `refresh_token_field`; rotated ones are kept in the token store. When the connection's
 * refresh token changes (the account was linked again), cached tokens from the old one are discarded.
 */
import type { Auth } from '@switchboard/schema';
import { renderDeclared } from '../render-declared.js';
import type { TokenSet } from '../token-store.js';
import { oauth2Strategy } from './oauth2-token-flow.js';
import { type AuthContext, type AuthStrategy, connectionScope } from './strategy.js';

/** `TokenSet.extra` key holding the connection refresh token the cached tokens descend from. */
const SEED = 'seed_refresh_token';

export function oauth2AuthorizationCodeStrategy(
  auth: Extract<Auth, { type: 'oauth2_authorization_code' }>,
): AuthStrategy {
  const seed = (context: AuthContext) => {
    const value = renderDeclared(
      `{{ connection.${auth.refresh_token_field} }}`,
      connectionScope(context),
      'auth.refresh_token_field',
    );
    context.redactor.addSecret(value);
    return value;
  };
  return oauth2Strategy(auth, {
    accepts: (context, token) => token.extra?.[SEED] === seed(context),
    request: (context, cached) => {
      const current = cached && cached.extra?.[SEED] === seed(context) ? cached.refresh_token : undefined;
      return {
        params: { grant_type: 'refresh_token', refresh_token: current ?? seed(context) },
        // A refresh the upstream processed but whose answer was lost has rotated the token: never repeat it.
        idempotent: false,
      };
    },
    complete: (context, next, cached) => {
      const previous = cached && cached.extra?.[SEED] === seed(context) ? cached.refresh_token : undefined;
      const refreshToken = next.refresh_token ?? previous ?? seed(context);
      const completed: TokenSet = {
        ...next,
        refresh_token: refreshToken,
        extra: { ...next.extra, [SEED]: seed(context) },
      };
      return completed;
    },
  });
}
