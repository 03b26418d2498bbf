/**
 * @module `POST /{tenant}/oauth2/v2.0/token`, the client-credentials grant (entra-api.md §1). Checks run in the
 * order Entra reports them: tenant, form body, grant type, client id, scope, application, secret. The client
 * may authenticate in the form body or with HTTP Basic. Every success mints a new token.
 */
import { bodyOf } from '@switchboard/sim-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mintAccessToken } from '../auth/access-token.js';
import type { SimContext } from '../http/context.js';
import { TokenError, TokenErrors, tokenErrorBody } from '../wire/token-error.js';

export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

function basicCredentials(request: FastifyRequest): { id: string; secret: string } | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^\s*basic\s+(\S+)\s*$/i.exec(header);
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

export function registerTokenRoute(app: FastifyInstance, context: SimContext): void {
  const { state, options } = context;
  app.post<{ Params: { tenant: string } }>('/:tenant/oauth2/v2.0/token', async (request, reply) => {
    state.counters.tokenRequests += 1;
    const now = context.now();
    try {
      const tenant = request.params.tenant.toLowerCase();
      const identity = state.tenant.identity;
      if (tenant !== identity.tenantId && !identity.verifiedDomains.includes(tenant)) {
        throw TokenErrors.tenantNotFound(request.params.tenant);
      }
      const body = bodyOf(request);
      const form: Readonly<Record<string, string>> = body.kind === 'form' ? body.value : {};
      const basic = basicCredentials(request);
      const grant = form['grant_type'];
      if (grant === undefined || grant === '') throw TokenErrors.missingParameter('grant_type');
      if (grant !== 'client_credentials') throw TokenErrors.unsupportedGrant();
      const clientId = (basic?.id ?? form['client_id'] ?? '').toLowerCase();
      if (clientId === '') throw TokenErrors.missingParameter('client_id');
      const scope = form['scope'];
      if (scope === undefined || scope === '') throw TokenErrors.missingParameter('scope');
      if (scope.trim() !== GRAPH_DEFAULT_SCOPE) throw TokenErrors.invalidScope(scope);
      if (clientId !== options.clientId) throw TokenErrors.unknownClient(clientId, request.params.tenant);
      const secret = basic?.secret ?? form['client_secret'];
      if (secret === undefined || secret === '') throw TokenErrors.missingSecret();
      if (secret !== options.clientSecret) throw TokenErrors.wrongSecret(clientId);

      const accessToken = mintAccessToken({
        tenantId: identity.tenantId,
        appId: clientId,
        issuedAt: now,
        ttlSeconds: options.tokenTtlSeconds,
      });
      state.tokens.add({
        accessToken,
        createdAt: now,
        expiresAt: now + options.tokenTtlSeconds * 1000,
        revoked: false,
        expiredByFault: false,
        callsUnderFault: 0,
      });
      state.counters.tokensIssued += 1;
      return reply.header('cache-control', 'no-store, no-cache').send({
        token_type: 'Bearer',
        expires_in: options.tokenTtlSeconds,
        ext_expires_in: options.tokenTtlSeconds,
        access_token: accessToken,
      });
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      return reply
        .code(error.status)
        .header('cache-control', 'no-store, no-cache')
        .send(tokenErrorBody(error, now, () => state.ids.guid()));
    }
  });
}
