/**
 * Connection field `default:` (used when the customer leaves the field out) and the declared `reason:` that
 * explains a refusal at link time — the 422's message comes from the upstream's error body the way the file
 * says (Okta's `errorSummary`, Graph's `error.message`), not just "HTTP 401".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledIntegration } from '../../src/config/compiled-integration.js';
import { ACME_CONNECTION, acmeUpstream } from '../support/acme-upstream.js';
import { loadVariant, useOfflineNetwork, variantEngine } from '../support/acme-variant.js';

let withDefault: CompiledIntegration;
let withReasons: CompiledIntegration;
let withoutReasons: CompiledIntegration;
beforeAll(async () => {
  withDefault = await loadVariant({
    connection: '  scope: { type: string, label: Scope, pattern: "[a-z.]+", default: directory.read }',
    auth: `  type: oauth2_client_credentials
  token_request:
    path: /oauth/token
    client_auth: { type: basic }
    body: { scope: "{{ connection.scope }}" }
  verify: { method: GET, path: /v1/me }`,
  });
  const reasons = `  type: oauth2_client_credentials
  token_request:
    path: /oauth/token
    client_auth: { type: basic }
    reason: '$split(error_description, "\\r\\n")[0] & " [" & error & "]"'
  verify:
    method: GET
    path: /v1/me
    reason: 'errorSummary ? errorSummary : error.message'`;
  withReasons = await loadVariant({ auth: reasons });
  withoutReasons = await loadVariant({ auth: reasons.replace(/\n\s+reason: .*/g, '') });
}, 60_000);

const account = (connection: Record<string, string>) => ({ id: 'acct-1', connection });

describe('connection field defaults', () => {
  useOfflineNetwork();

  it('fills a left-out field at link time and uses it in templates', async () => {
    const upstream = acmeUpstream();
    const engine = await variantEngine(withDefault);
    const linked = engine.checkConnection('acme', ACME_CONNECTION);
    expect(linked['scope']).toBe('directory.read');
    await engine.verify('acme', account(linked));
    expect(upstream.tokenRequests[0]?.fields['scope']).toBe('directory.read');
    await engine.close();
  });

  it('applies the default to an account stored without the field (linked before the default existed)', async () => {
    const upstream = acmeUpstream();
    const engine = await variantEngine(withDefault);
    await engine.list({
      integration: 'acme',
      account: account(ACME_CONNECTION),
      model: 'user-directory',
      resource: 'users',
      limit: 1,
    });
    expect(upstream.tokenRequests[0]?.fields['scope']).toBe('directory.read');
    await engine.close();
  });

  it('a value the customer gives wins over the default and is checked as usual', async () => {
    const upstream = acmeUpstream();
    const engine = await variantEngine(withDefault);
    const linked = engine.checkConnection('acme', { ...ACME_CONNECTION, scope: 'directory.write' });
    await engine.verify('acme', account(linked));
    expect(upstream.tokenRequests[0]?.fields['scope']).toBe('directory.write');
    expect(() => engine.checkConnection('acme', { ...ACME_CONNECTION, scope: 'NOT valid' })).toThrowError(
      /scope does not have the expected format/,
    );
    await engine.close();
  });
});

describe('verify reasons', () => {
  useOfflineNetwork();

  it('explains a refused verify call with the declared expression (Okta-style errorSummary)', async () => {
    const upstream = acmeUpstream();
    upstream.before = (request) =>
      request.path === '/v1/me'
        ? [
            403,
            {
              errorCode: 'E0000006',
              errorSummary: 'You do not have permission to perform the requested action',
            },
          ]
        : undefined;
    const engine = await variantEngine(withReasons);
    await expect(engine.verify('acme', account(ACME_CONNECTION))).rejects.toMatchObject({
      code: 'SB_ERR_AUTH_INVALID_CREDENTIALS',
      message:
        'the upstream refused the credentials: You do not have permission to perform the requested action (HTTP 403)',
    });
    await engine.close();
  });

  it('reads a Graph-style error.message with the same expression', async () => {
    const upstream = acmeUpstream();
    upstream.before = (request) =>
      request.path === '/v1/me'
        ? [
            401,
            { error: { code: 'InvalidAuthenticationToken', message: 'Access token validation failure.' } },
          ]
        : undefined;
    const engine = await variantEngine(withReasons);
    await expect(engine.verify('acme', account(ACME_CONNECTION))).rejects.toMatchObject({
      details: { reason: 'Access token validation failure. (HTTP 401)' },
    });
    await engine.close();
  });

  it('explains a refused token request with the token endpoint reason', async () => {
    acmeUpstream(undefined, { token: { accept: () => false } });
    const engine = await variantEngine(withReasons);
    await expect(engine.verify('acme', account(ACME_CONNECTION))).rejects.toMatchObject({
      code: 'SB_ERR_AUTH_INVALID_CREDENTIALS',
      details: { reason: 'client assertion refused [invalid_client] (HTTP 401)' },
    });
    await engine.close();
  });

  it('without a declared reason, a body the built-in picker does not know says only the status', async () => {
    const upstream = acmeUpstream();
    upstream.before = (request) =>
      request.path === '/v1/me' ? [403, { errorCode: 'E0000006', errorSummary: 'No permission' }] : undefined;
    const engine = await variantEngine(withoutReasons);
    await expect(engine.verify('acme', account(ACME_CONNECTION))).rejects.toMatchObject({
      details: { reason: 'HTTP 403' },
    });
    await engine.close();
  });

  it('never shows a secret the upstream echoes in its reason', async () => {
    const upstream = acmeUpstream();
    upstream.before = (request) =>
      request.path === '/v1/me'
        ? [401, { errorSummary: `bad secret ${ACME_CONNECTION.client_secret}` }]
        : undefined;
    const engine = await variantEngine(withReasons);
    const error = await engine.verify('acme', account(ACME_CONNECTION)).catch((e: Error) => e);
    expect(
      JSON.stringify({
        message: (error as Error).message,
        details: (error as { details?: unknown }).details,
      }),
    ).not.toContain(ACME_CONNECTION.client_secret);
    await engine.close();
  });
});
