import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../options.js';
import { type Harness, requestToken, startHarness, tokenForm } from '../testing/harness.js';

let h: Harness;
let clock = Date.parse('2026-03-01T12:00:00Z');
beforeAll(async () => {
  h = await startHarness({ users: 5, now: () => clock });
});
afterAll(() => h.sim.close());

const aadsts = (body: { error_codes: number[] }) => body.error_codes[0];

describe('POST /{tenant}/oauth2/v2.0/token', () => {
  it('issues a bearer JWT valid 3599 s for the client credentials in the form body', async () => {
    const response = await requestToken(h.sim);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      token_type: 'Bearer',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/),
    });
  });

  it('accepts the tenant by verified domain and the client by HTTP Basic', async () => {
    const basic = Buffer.from(`${DEFAULTS.clientId}:${DEFAULTS.clientSecret}`).toString('base64');
    const form = tokenForm({ client_id: undefined, client_secret: undefined });
    const response = await requestToken(h.sim, form, DEFAULTS.initialDomain, {
      authorization: `Basic ${basic}`,
    });
    expect(response.statusCode).toBe(200);
  });

  it.each([
    [
      'a wrong secret',
      tokenForm({ client_secret: 'nope' }),
      DEFAULTS.tenantId,
      401,
      'invalid_client',
      7000215,
    ],
    ['no secret', tokenForm({ client_secret: undefined }), DEFAULTS.tenantId, 401, 'invalid_client', 7000216],
    [
      'an unknown client',
      tokenForm({ client_id: '00000000-0000-4000-8000-000000000000' }),
      DEFAULTS.tenantId,
      400,
      'unauthorized_client',
      700016,
    ],
    ['an unknown tenant', tokenForm(), 'other.onmicrosoft.com', 400, 'invalid_request', 90002],
    ['another scope', tokenForm({ scope: 'User.Read' }), DEFAULTS.tenantId, 400, 'invalid_scope', 70011],
    [
      'no grant type',
      tokenForm({ grant_type: undefined }),
      DEFAULTS.tenantId,
      400,
      'invalid_request',
      900144,
    ],
    [
      'another grant',
      tokenForm({ grant_type: 'password' }),
      DEFAULTS.tenantId,
      400,
      'unsupported_grant_type',
      70003,
    ],
  ])('refuses %s with an AADSTS body', async (_case, form, tenant, status, error, code) => {
    const response = await requestToken(h.sim, form, tenant);
    expect(response.statusCode).toBe(status);
    const body = response.json();
    expect(body.error).toBe(error);
    expect(aadsts(body)).toBe(code);
    expect(body.error_description).toMatch(
      new RegExp(`^AADSTS${code}: .+\\r\\nTrace ID: .+\\r\\nCorrelation ID: .+\\r\\nTimestamp: `),
    );
    expect(body).toMatchObject({ trace_id: expect.any(String), correlation_id: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain(DEFAULTS.clientSecret);
  });

  it('answers any other method on the token path with AADSTS900561', async () => {
    const response = await h.sim.app.inject({
      method: 'GET',
      url: `/${DEFAULTS.tenantId}/oauth2/v2.0/token`,
    });
    expect(response.statusCode).toBe(400);
    expect(aadsts(response.json())).toBe(900561);
  });

  it('a JSON body is not a form: the grant type is missing', async () => {
    const response = await h.sim.app.inject({
      method: 'POST',
      url: `/${DEFAULTS.tenantId}/oauth2/v2.0/token`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    expect(response.statusCode).toBe(400);
    expect(aadsts(response.json())).toBe(900144);
  });
});

describe('bearer tokens on Graph', () => {
  it('expire after expires_in: 401 InvalidAuthenticationToken with WWW-Authenticate, until a new token', async () => {
    await h.newToken();
    expect((await h.get('/v1.0/users?$top=1')).statusCode).toBe(200);
    clock += 3599 * 1000;
    const expired = await h.get('/v1.0/users?$top=1');
    expect(expired.statusCode).toBe(401);
    expect(expired.headers['www-authenticate']).toMatch(/^Bearer realm=""/);
    expect(expired.json().error).toMatchObject({
      code: 'InvalidAuthenticationToken',
      message: 'Access token has expired or is not yet valid.',
      innerError: { 'request-id': expired.headers['request-id'] },
    });
    await h.newToken();
    expect((await h.get('/v1.0/users?$top=1')).statusCode).toBe(200);
  });

  it('answers a missing or foreign token with 401', async () => {
    const missing = await h.sim.app.inject({ method: 'GET', url: '/v1.0/users' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.message).toBe('Access token is empty.');
    const foreign = await h.get('/v1.0/users', { authorization: 'Bearer not-a-token' });
    expect(foreign.statusCode).toBe(401);
  });

  it('an application token reads the organization but not /me (delegated only)', async () => {
    const organization = (await h.get('/v1.0/organization')).json().value[0];
    expect(organization).toMatchObject({ id: DEFAULTS.tenantId });
    expect(organization.verifiedDomains.map((d: { name: string }) => d.name)).toContain(
      DEFAULTS.initialDomain,
    );
    const me = await h.get('/v1.0/me');
    expect(me.statusCode).toBe(400);
    expect(me.json().error.message).toBe('/me request is only valid with delegated authentication flow.');
  });

  it('echoes client-request-id and adds a request-id', async () => {
    const response = await h.get('/v1.0/users?$top=1', { 'client-request-id': 'abc-123' });
    expect(response.headers['client-request-id']).toBe('abc-123');
    expect(response.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
