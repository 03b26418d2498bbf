/**
 * @module What both OAuth 2.0 types share: the token injected on every call, cached per account, refreshed
 * `refresh_skew` before expiry and once after a 401. The two types differ only in the grant they send.
 */

import { renderDeclared } from '../render-declared.js';
import { parseDuration } from '../time/parse-duration.js';
import type { TokenSet } from '../token-store.js';
import type { AuthContext, AuthStrategy } from './strategy.js';
import type { ObtainOptions } from './token-cache.js';
import { type GrantRequest, type OAuth2Auth, requestToken } from './token-request.js';

export const DEFAULT_REFRESH_SKEW = '60s';
const DEFAULT_INJECTION = {
  in: 'header',
  name: 'Authorization',
  value: 'Bearer {{ token.access_token }}',
} as const;

export interface Grant {
  /** The grant fields for a new token, given the cached token (its refresh token, for instance). */
  request(context: AuthContext, cached: TokenSet | undefined): GrantRequest;
  /** Completes a fresh token set from the previous one (e.g. keeps a refresh token the upstream did not rotate). */
  complete?(context: AuthContext, next: TokenSet, cached: TokenSet | undefined): TokenSet;
  /** False when a cached token belongs to credentials the account no longer has. */
  accepts?(context: AuthContext, token: TokenSet): boolean;
}

export function oauth2Strategy(auth: OAuth2Auth, grant: Grant): AuthStrategy {
  const injection = auth.inject ?? DEFAULT_INJECTION;
  const injectIn = injection.in ?? 'header';
  const injectName = injectIn === 'header' ? injection.name.toLowerCase() : injection.name;
  const skewMs = parseDuration(auth.refresh_skew ?? DEFAULT_REFRESH_SKEW, 0);
  const credentialNames = [injection.name.toLowerCase()];
  if (auth.token_request.client_auth?.type === 'header')
    credentialNames.push(auth.token_request.client_auth.name.toLowerCase());

  const options = (context: AuthContext, extra: Partial<ObtainOptions> = {}): ObtainOptions => ({
    skewMs,
    ...(grant.accepts ? { accepts: (token: TokenSet) => grant.accepts!(context, token) } : {}),
    ...extra,
  });
  const fetch = (context: AuthContext) => async (cached: TokenSet | undefined) => {
    const next = await requestToken(context, auth, grant.request(context, cached));
    return grant.complete ? grant.complete(context, next, cached) : next;
  };
  const remember = (context: AuthContext, token: TokenSet) => {
    // A token read from a shared store was obtained elsewhere; this session must still mask it.
    context.redactor.addSecret(token.access_token);
    context.redactor.addSecret(token.refresh_token);
    return token;
  };

  return {
    credentialNames,
    async apply(request, context) {
      const token = remember(
        context,
        await context.tokens.get(context.accountKey, options(context), fetch(context)),
      );
      const value = renderDeclared(
        injection.value,
        { connection: context.account.connection, token },
        'auth.inject.value',
      );
      if (injectIn === 'header') request.headers[injectName] = value;
      else request.url.searchParams.set(injectName, value);
      return { accessToken: token.access_token };
    },
    async refresh(context, rejected) {
      remember(
        context,
        await context.tokens.get(
          context.accountKey,
          options(
            context,
            rejected.accessToken === undefined ? { force: true } : { rejected: rejected.accessToken },
          ),
          fetch(context),
        ),
      );
    },
    async token(context, fresh) {
      return remember(
        context,
        await context.tokens.get(context.accountKey, options(context, { force: fresh }), fetch(context)),
      );
    },
  };
}
