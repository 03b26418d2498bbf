import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, type Stack, startStack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

describe('admin API', () => {
  it('creates an environment, issues a key that works, and deletes it', async () => {
    const environment = await stack.inject({
      method: 'POST',
      url: '/admin/environments',
      headers: stack.admin,
      payload: { name: 'acme' },
    });
    expect(environment.statusCode).toBe(201);
    const created = environment.json();
    expect(Object.keys(created).sort()).toEqual(['created_at', 'id', 'name']);
    expect(created.name).toBe('acme');

    const key = await stack.inject({
      method: 'POST',
      url: `/admin/environments/${created.id}/api-keys`,
      headers: stack.admin,
    });
    expect(key.statusCode).toBe(201);
    const { id, api_key } = key.json();
    expect(typeof id).toBe('string');
    expect(typeof api_key).toBe('string');

    const headers = { authorization: `Bearer ${api_key}` };
    expect((await stack.inject({ url: '/integrated-accounts', headers })).statusCode).toBe(200);

    const deleted = await stack.inject({
      method: 'DELETE',
      url: `/admin/api-keys/${id}`,
      headers: stack.admin,
    });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await stack.inject({ url: '/integrated-accounts', headers })).statusCode).toBe(401);
    const again = await stack.inject({
      method: 'DELETE',
      url: `/admin/api-keys/${id}`,
      headers: stack.admin,
    });
    expect(errorBody(again).code).toBe('SB_ERR_NOT_FOUND');
  });

  it('refuses a duplicate environment name with 409 and an unknown environment with 404', async () => {
    await stack.tenant('dup');
    const duplicate = await stack.inject({
      method: 'POST',
      url: '/admin/environments',
      headers: stack.admin,
      payload: { name: 'dup' },
    });
    expect(errorBody(duplicate).statusCode).toBe(409);
    const unknown = await stack.inject({
      method: 'POST',
      url: '/admin/environments/env_doesnotexist/api-keys',
      headers: stack.admin,
    });
    expect(errorBody(unknown).statusCode).toBe(404);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer not-the-admin-token' }],
    ['an API key', 'api-key'],
  ])('answers 401 with %s', async (_name, headers) => {
    const tenant = await stack.tenant();
    const response = await stack.inject({
      method: 'POST',
      url: '/admin/environments',
      headers: headers === 'api-key' ? tenant.headers : headers,
      payload: { name: 'x' },
    });
    expect(errorBody(response).code).toBe('SB_ERR_API_UNAUTHORIZED');
    expect(response.statusCode).toBe(401);
  });

  it('does not exist at all without SWITCHBOARD_ADMIN_TOKEN', async () => {
    const bare = await startStack({ env: { SWITCHBOARD_ADMIN_TOKEN: '' } });
    try {
      const response = await bare.inject({
        method: 'POST',
        url: '/admin/environments',
        headers: { authorization: 'Bearer anything-at-all-here' },
        payload: { name: 'x' },
      });
      expect(errorBody(response).code).toBe('SB_ERR_NOT_FOUND');
      expect(response.statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

describe('API key authentication', () => {
  it.each([
    ['no header', undefined],
    ['an unknown key', 'Bearer sb_live_unknown'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
    ['a huge header', `Bearer ${'x'.repeat(8000)}`],
  ])('answers 401 for %s', async (_name, authorization) => {
    const response = await stack.inject({
      url: '/integrations',
      headers: authorization === undefined ? {} : { authorization },
    });
    expect(response.statusCode).toBe(401);
    expect(errorBody(response).code).toBe('SB_ERR_API_UNAUTHORIZED');
  });

  it('accepts a valid key, case-insensitive scheme', async () => {
    const tenant = await stack.tenant();
    const response = await stack.inject({
      url: '/integrations',
      headers: { authorization: `bearer ${tenant.apiKey}` },
    });
    expect(response.statusCode).toBe(200);
  });

  it.each(['/health', '/openapi.json', '/docs'])('leaves %s public', async (url) => {
    const response = await stack.inject({ url });
    expect(response.statusCode).toBe(200);
  });

  it('echoes a sane x-request-id and generates one otherwise', async () => {
    const given = await stack.inject({ url: '/health', headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const hostile = await stack.inject({ url: '/health', headers: { 'x-request-id': 'a b\tc' } });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unauthorized = await stack.inject({ url: '/integrations' });
    expect(unauthorized.headers['x-request-id']).toBeTruthy();
  });
});

describe('GET /integrations', () => {
  it('describes OneLogin with its unified resources and connection form', async () => {
    const tenant = await stack.tenant();
    const response = await stack.inject({ url: '/integrations', headers: tenant.headers });
    expect(response.statusCode).toBe(200);
    const onelogin = response.json().result.find((entry: { name: string }) => entry.name === 'onelogin');
    expect(onelogin).toMatchObject({ name: 'onelogin', label: 'OneLogin', category: 'identity' });
    expect(onelogin.unified_models['user-directory']).toEqual(
      expect.arrayContaining(['users', 'groups', 'roles', 'role_assignments', 'activities']),
    );
    expect(onelogin.connection_fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'subdomain', secret: false, required: true }),
        expect.objectContaining({ name: 'client_secret', secret: true, required: true }),
      ]),
    );
  });
});

describe('the API rate limit (SWITCHBOARD_API_RATE_LIMIT)', () => {
  it('limits each API key separately and answers 429 with Retry-After', async () => {
    const limited = await startStack({ env: { SWITCHBOARD_API_RATE_LIMIT: '3/1m' } });
    try {
      const first = await limited.tenant();
      const second = await limited.tenant();
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await limited.inject({ url: '/integrations', headers: first.headers })).statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await limited.inject({ url: '/integrations', headers: first.headers });
      expect(errorBody(refused).code).toBe('SB_ERR_API_RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await limited.inject({ url: '/integrations', headers: second.headers })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('the hosted connect page', () => {
  it('is served by the API, without an API key, for a link token it issued', async () => {
    const tenant = await stack.tenant();
    const created = await stack.inject({
      method: 'POST',
      url: '/link-tokens',
      headers: tenant.headers,
      payload: { integration: 'onelogin', tenant_id: 'customer-9' },
    });
    const { link_token } = created.json();
    const page = await stack.inject({ url: `/connect/${link_token}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
    expect((await stack.inject({ url: '/connect.js' })).statusCode).toBe(200);
  });
});
