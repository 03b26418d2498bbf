/**
 * @module One call to an OAuth token endpoint, as `auth.token_request` declares it, and the reading of its
 * answer through `auth.token_response` (JSONata paths, compiled at load). Refusals (400/401/403) become
 * `NeedsReauth` carrying the upstream's reason; other failures `TokenRequestFailed` or `RateLimited`.
 */
import type { Auth } from '@switchboard/schema';
import { NeedsReauth, RateLimited, TokenRequestFailed } from '../../errors.js';
import { basicCredentials } from '../../redaction/redactor.js';
import { renderDeclared, renderDeclaredMap } from '../render-declared.js';
import { parseDuration } from '../time/parse-duration.js';
import type { TokenSet } from '../token-store.js';
import { declaredReason } from './declared-reason.js';
import { type JwtSpec, signAssertion } from './jwt-assertion.js';
import { type AuthContext, connectionScope } from './strategy.js';

export type OAuth2Auth = Extract<
  Auth,
  { type: 'oauth2_client_credentials' | 'oauth2_authorization_code' | 'oauth2_jwt_bearer' }
>;

export interface GrantRequest {
  /** Grant fields of the body, e.g. `{ grant_type: 'client_credentials' }`. */
  params: Record<string, string>;
  /** False when repeating the call after an ambiguous failure could burn a rotating refresh token. */
  idempotent: boolean;
  /** A JWT to sign and send as the `assertion` field (RFC 7523 §2.1); `where` names it in errors. */
  assertion?: { spec: JwtSpec; where: string };
}

const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const REFUSED = new Set([400, 401, 403]);

function connectionValue(context: AuthContext, field: string): string {
  return renderDeclared(
    `{{ connection.${field} }}`,
    connectionScope(context),
    'auth.token_request.client_auth',
  );
}

async function readField(
  context: AuthContext,
  body: Record<string, unknown>,
  field: 'access_token' | 'expires_in' | 'refresh_token',
): Promise<unknown> {
  const expression = context.integration.expression(`/auth/token_response/${field}`);
  if (!expression) return body[field];
  try {
    return await expression.evaluate(body);
  } catch (error) {
    throw new TokenRequestFailed(`cannot read ${field} from the token response`, { cause: error });
  }
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export async function requestToken(
  context: AuthContext,
  auth: OAuth2Auth,
  grant: GrantRequest,
): Promise<TokenSet> {
  const declared = auth.token_request;
  const scope = connectionScope(context);
  // `declared` is the endpoint as written: the audience a JWT names, whatever the operator's redirect.
  const { url, declared: audience } = context.origins.authUrl(
    renderDeclared(declared.path, scope, 'auth.token_request.path'),
  );
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(
    renderDeclaredMap(declared.headers, scope, 'auth.token_request.headers'),
  ))
    headers[name.toLowerCase()] = value;

  const params: Record<string, string> = { ...grant.params };
  if (auth.scopes?.length) params['scope'] = auth.scopes.join(' ');
  Object.assign(params, renderDeclaredMap(declared.body, scope, 'auth.token_request.body'));

  if (grant.assertion)
    params['assertion'] = await signAssertion(
      context,
      grant.assertion.spec,
      grant.assertion.where,
      audience.toString(),
    );

  const clientAuth = declared.client_auth;
  if (clientAuth === undefined) {
    // The JWT bearer grant proves the client by its assertion alone.
  } else if (clientAuth.type === 'basic') {
    const secret = connectionValue(context, 'client_secret');
    context.redactor.addSecret(secret);
    headers['authorization'] = basicCredentials(
      connectionValue(context, 'client_id'),
      secret,
      context.redactor,
    );
  } else if (clientAuth.type === 'body') {
    params[clientAuth.client_id_name ?? 'client_id'] = connectionValue(context, 'client_id');
    const secret = connectionValue(context, 'client_secret');
    context.redactor.addSecret(secret);
    params[clientAuth.client_secret_name ?? 'client_secret'] = secret;
  } else if (clientAuth.type === 'private_key_jwt') {
    params['client_assertion_type'] = CLIENT_ASSERTION_TYPE;
    params['client_assertion'] = await signAssertion(
      context,
      clientAuth,
      'auth.token_request.client_auth',
      audience.toString(),
      // RFC 7523 §3: for client authentication, iss and sub are the client id.
      { iss: '{{ connection.client_id }}', sub: '{{ connection.client_id }}' },
    );
  } else {
    const value = renderDeclared(clientAuth.value, scope, 'auth.token_request.client_auth.value');
    context.redactor.addSecret(value);
    headers[clientAuth.name.toLowerCase()] = value;
  }
  context.redactor.addSecret(grant.params['refresh_token']);

  let body: string;
  if ((declared.body_format ?? 'form') === 'json') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(params);
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(params).toString();
  }

  const answer = await context.call({
    label: 'auth.token',
    method: declared.method ?? 'POST',
    url,
    headers,
    body,
    idempotent: grant.idempotent,
  });
  const remote = {
    status: answer.status,
    headers: context.redactor.headers(answer.headers),
    body: context.redactor.value(answer.body),
  };
  if (answer.status < 200 || answer.status > 299) {
    if (REFUSED.has(answer.status)) {
      const reason = await declaredReason(
        context.integration,
        '/auth/token_request/reason',
        answer,
        context.redactor,
      );
      throw new NeedsReauth(reason, { details: { reason, remote } });
    }
    if (answer.retryAt !== undefined) {
      const retryAt = new Date(answer.retryAt).toISOString();
      throw new RateLimited(retryAt, { details: { retry_at: retryAt, remote } });
    }
    throw new TokenRequestFailed(`HTTP ${answer.status}`, { details: { remote } });
  }
  if (!answer.body || typeof answer.body !== 'object' || Array.isArray(answer.body))
    throw new TokenRequestFailed('the token response is not a JSON object', { details: { remote } });
  return readTokenSet(context, auth, answer.body as Record<string, unknown>, remote);
}

async function readTokenSet(
  context: AuthContext,
  auth: OAuth2Auth,
  body: Record<string, unknown>,
  remote: unknown,
): Promise<TokenSet> {
  const accessToken = asText(await readField(context, body, 'access_token'));
  const refreshToken = asText(await readField(context, body, 'refresh_token'));
  // Registered before anything else can echo the response.
  context.redactor.addSecret(accessToken);
  context.redactor.addSecret(refreshToken);
  if (!accessToken)
    throw new TokenRequestFailed('the token response has no access token', {
      details: { remote: context.redactor.value(remote) },
    });
  const token: TokenSet = { access_token: accessToken };
  if (refreshToken) token.refresh_token = refreshToken;
  const expiresIn = Number(await readField(context, body, 'expires_in'));
  const lifetimeMs =
    Number.isFinite(expiresIn) && expiresIn > 0
      ? expiresIn * 1000
      : auth.default_expires_in
        ? parseDuration(auth.default_expires_in, 0)
        : undefined;
  if (lifetimeMs !== undefined) token.expires_at = context.clock() + lifetimeMs;
  if (typeof body['token_type'] === 'string') token.token_type = body['token_type'];
  if (typeof body['scope'] === 'string') token.scope = body['scope'];
  return token;
}
