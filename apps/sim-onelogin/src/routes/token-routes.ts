/**
 * @module Token endpoints: `POST /auth/oauth2/v2/token` (bare token on success), the legacy
 * `POST /auth/oauth2/token` (enveloped, replaces the previous token) and `POST /auth/oauth2/revoke`.
 * Every error is v1-enveloped, even on the v2 endpoint (reference §2.1).
 */

import { bodyOf, iso, isPlainObject, mediaTypeOf, type RequestBody } from '@switchboard/sim-kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ClientCredentials, readClientCredentials } from '../auth/client-credentials.js';
import type { TokenRecord } from '../auth/token-store.js';
import type { SimContext } from '../http/context.js';
import { sendError, sendJson } from '../wire/send.js';
import { V1_SUCCESS, V1Messages, v1Data } from '../wire/v1-envelope.js';

const ACCEPTED_MEDIA_TYPES = new Set(['application/json', 'application/x-www-form-urlencoded']);

export function registerTokenRoutes(app: FastifyInstance, context: SimContext): void {
  app.post('/auth/oauth2/v2/token', (request, reply) => token(request, reply, 'v2'));
  app.post('/auth/oauth2/token', (request, reply) => token(request, reply, 'v1'));
  app.post('/auth/oauth2/revoke', (request, reply) => revoke(request, reply));

  function token(request: FastifyRequest, reply: FastifyReply, version: 'v1' | 'v2'): FastifyReply {
    const { state } = context;
    state.counters.tokenRequests += 1;
    const body = bodyOf(request);
    if (body.kind === 'invalid-json') return sendError(reply, 'v1', 400, V1Messages.invalidJson);
    if (!ACCEPTED_MEDIA_TYPES.has(mediaTypeOf(request)))
      return sendError(reply, 'v1', 400, V1Messages.contentType);
    const fields = fieldsOf(body);
    const now = context.now();
    if (version === 'v2' && fields['grant_type'] === 'refresh_token') return refresh(reply, fields, now);

    const failure = checkCredentials(readClientCredentials(request.headers.authorization, body));
    if (failure !== undefined) return sendError(reply, 'v1', failure.status, failure.message);
    if (fields['grant_type'] !== 'client_credentials')
      return sendError(reply, 'v1', 400, V1Messages.grantType);

    if (version === 'v1') {
      const issued = state.tokens.replace(now);
      state.counters.tokensIssued += 1;
      return sendJson(reply, 'v1', 200, v1Data([tokenBody(issued, now)]));
    }
    const { token: issued, reused } = state.tokens.issueOrReuse(now);
    if (!reused) state.counters.tokensIssued += 1;
    return sendJson(reply, 'v1', 200, tokenBody(issued, now));
  }

  function refresh(reply: FastifyReply, fields: Record<string, unknown>, now: number): FastifyReply {
    const { state } = context;
    const refreshToken = fields['refresh_token'];
    const accessToken = typeof fields['access_token'] === 'string' ? fields['access_token'] : undefined;
    if (typeof refreshToken !== 'string' || refreshToken === '') {
      return sendError(reply, 'v1', 400, 'refresh_token is incorrect/absent');
    }
    const previous = state.tokens.forRefresh(refreshToken, accessToken, now);
    if (previous === undefined) return sendError(reply, 'v1', 401, V1Messages.authenticationFailure);
    const issued = state.tokens.replace(now, previous);
    state.counters.refreshes += 1;
    state.counters.tokensIssued += 1;
    return sendJson(reply, 'v1', 200, tokenBody(issued, now));
  }

  function revoke(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const body = bodyOf(request);
    if (body.kind === 'invalid-json') return sendError(reply, 'v1', 400, V1Messages.invalidJson);
    const failure = checkCredentials(readClientCredentials(request.headers.authorization, body));
    if (failure !== undefined) return sendError(reply, 'v1', failure.status, failure.message);
    const accessToken = fieldsOf(body)['access_token'];
    if (typeof accessToken !== 'string' || accessToken === '') {
      return sendError(reply, 'v1', 400, V1Messages.accessTokenMissing);
    }
    if (context.state.tokens.revoke(accessToken)) context.state.counters.revocations += 1;
    return sendJson(reply, 'v1', 200, { status: V1_SUCCESS });
  }

  function checkCredentials(
    credentials: ClientCredentials | undefined,
  ): { status: number; message: string } | undefined {
    if (credentials === undefined) return { status: 400, message: V1Messages.authorizationMissing };
    const { clientId, clientSecret } = context.options;
    if (credentials.clientId !== clientId || credentials.clientSecret !== clientSecret) {
      return { status: 401, message: V1Messages.authenticationFailure };
    }
    return undefined;
  }

  /** The token set as OneLogin sends it; a reused token reports the seconds it has left. */
  function tokenBody(token: TokenRecord, now: number): Record<string, unknown> {
    return {
      access_token: token.accessToken,
      created_at: iso(token.createdAt),
      expires_in: Math.max(Math.floor((token.expiresAt - now) / 1000), 0),
      refresh_token: token.refreshToken,
      token_type: 'bearer',
      account_id: context.state.accountId,
    };
  }
}

function fieldsOf(body: RequestBody): Record<string, unknown> {
  if (body.kind === 'form') return body.value;
  if (body.kind === 'json' && isPlainObject(body.value)) return body.value;
  return {};
}
