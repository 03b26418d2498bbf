import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, SIM_CONNECTION, type Stack, startStack, type Tenant } from './stack.js';

let stack: Stack;
let tenant: Tenant;
beforeAll(async () => {
  stack = await startStack();
  tenant = await stack.tenant();
});
afterAll(async () => {
  await stack.close();
});

const create = (headers: Tenant['headers'], payload: unknown) =>
  stack.inject({ method: 'POST', url: '/integrated-accounts', headers, payload: payload as object });

describe('POST /integrated-accounts', () => {
  it('verifies live and answers 201 with the contract shape and no secret', async () => {
    const response = await create(tenant.headers, {
      integration: 'onelogin',
      tenant_id: 'customer-42',
      connection: SIM_CONNECTION,
    });
    expect(response.statusCode).toBe(201);
    const account = response.json();
    expect(Object.keys(account).sort()).toEqual(
      ['connection', 'created_at', 'id', 'integration', 'status', 'tenant_id', 'updated_at'].sort(),
    );
    expect(account).toMatchObject({
      integration: 'onelogin',
      tenant_id: 'customer-42',
      status: 'active',
      connection: { subdomain: 'acme', client_id: 'sim-client-id' },
    });
    expect(account.connection.client_secret).toBeUndefined();
    expect(response.body).not.toContain(SIM_CONNECTION.client_secret);

    for (const url of ['/integrated-accounts', `/integrated-accounts/${account.id}`]) {
      const read = await stack.inject({ url, headers: tenant.headers });
      expect(read.statusCode).toBe(200);
      expect(read.body).not.toContain(SIM_CONNECTION.client_secret);
    }
  });

  it('answers 422 with the upstream reason when the credentials are refused', async () => {
    const response = await create(tenant.headers, {
      integration: 'onelogin',
      tenant_id: 't',
      connection: { ...SIM_CONNECTION, client_secret: 'wrong-secret' },
    });
    expect(response.statusCode).toBe(422);
    const body = errorBody(response);
    expect(body.code).toBe('SB_ERR_AUTH_INVALID_CREDENTIALS');
    expect(body.message).toMatch(/Authentication Failure/i);
    expect(body.is_remote_error).toBe(true);
    expect(response.body).not.toContain('wrong-secret');
  });

  it.each([
    [
      'a missing secret',
      { integration: 'onelogin', tenant_id: 't', connection: { subdomain: 'acme', client_id: 'x' } },
    ],
    [
      'a subdomain with a dot',
      { integration: 'onelogin', tenant_id: 't', connection: { ...SIM_CONNECTION, subdomain: 'evil.com/x' } },
    ],
    ['an unknown integration', { integration: 'nope', tenant_id: 't', connection: SIM_CONNECTION }],
    [
      'an unknown top-level field',
      { integration: 'onelogin', tenant_id: 't', connection: SIM_CONNECTION, base_url: 'http://evil' },
    ],
    [
      'a non-string field',
      { integration: 'onelogin', tenant_id: 't', connection: { ...SIM_CONNECTION, client_id: 42 } },
    ],
    ['no tenant', { integration: 'onelogin', connection: SIM_CONNECTION }],
    ['an empty body', {}],
  ])('answers 400 for %s', async (_name, payload) => {
    const response = await create(tenant.headers, payload);
    expect(response.statusCode).toBe(400);
    errorBody(response);
  });

  it('lists every problem of a connection at once', async () => {
    const response = await create(tenant.headers, {
      integration: 'onelogin',
      tenant_id: 't',
      connection: { subdomain: 'a.b', unknown_field: 'x' },
    });
    expect(response.statusCode).toBe(400);
    const text = JSON.stringify(errorBody(response));
    expect(text).toContain('client_id');
    expect(text).toContain('client_secret');
  });
});

describe('tenancy', () => {
  it("answers 404 for another environment's account, exactly like a missing one", async () => {
    const owner = await stack.tenant();
    const other = await stack.tenant();
    const id = await stack.link(owner);
    const requests = [
      { method: 'GET', url: `/integrated-accounts/${id}` },
      { method: 'GET', url: `/integrated-accounts/${id}/capabilities` },
      { method: 'PATCH', url: `/integrated-accounts/${id}`, payload: { connection: SIM_CONNECTION } },
      { method: 'DELETE', url: `/integrated-accounts/${id}` },
      { method: 'GET', url: `/unified/user-directory/users?integrated_account_id=${id}` },
      { method: 'GET', url: `/proxy/users?integrated_account_id=${id}` },
      { method: 'GET', url: `/passthrough/api/2/users?integrated_account_id=${id}` },
    ] as const;
    for (const request of requests) {
      const foreign = await stack.inject({ ...request, headers: other.headers });
      const missing = await stack.inject({
        ...request,
        url: request.url.replace(id, 'ia_doesnotexist'),
        headers: other.headers,
      });
      expect(foreign.statusCode, `${request.method} ${request.url}`).toBe(404);
      expect(errorBody(foreign)).toEqual(errorBody(missing));
    }
    const list = await stack.inject({ url: '/integrated-accounts', headers: other.headers });
    expect(list.json().result).toEqual([]);
    const still = await stack.inject({ url: `/integrated-accounts/${id}`, headers: owner.headers });
    expect(still.statusCode).toBe(200);
  });
});

describe('listing, rotating and deleting', () => {
  it('pages through accounts with a signed cursor', async () => {
    const owner = await stack.tenant();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await stack.link(owner));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/integrated-accounts?limit=2${cursor ? `&next_cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await stack.inject({ url, headers: owner.headers });
      expect(page.statusCode).toBe(200);
      const body = page.json();
      expect(body.prev_cursor).toBeNull();
      expect(body.result_count).toBe(body.result.length);
      seen.push(...body.result.map((account: { id: string }) => account.id));
      cursor = body.next_cursor;
    } while (cursor);
    expect(seen.sort()).toEqual(ids.sort());

    const forged = await stack.inject({
      url: '/integrated-accounts?next_cursor=eyJ4IjoxfQ.abc',
      headers: owner.headers,
    });
    expect(errorBody(forged).code).toBe('SB_ERR_CURSOR_INVALID');
  });

  it("refuses another environment's cursor like a forged one", async () => {
    const owner = await stack.tenant();
    for (let i = 0; i < 3; i++) await stack.link(owner);
    const first = await stack.inject({ url: '/integrated-accounts?limit=1', headers: owner.headers });
    const cursor = first.json().next_cursor as string;
    const stranger = await stack.tenant();
    const replayed = await stack.inject({
      url: `/integrated-accounts?limit=1&next_cursor=${encodeURIComponent(cursor)}`,
      headers: stranger.headers,
    });
    expect(replayed.statusCode).toBe(400);
    expect(errorBody(replayed).code).toBe('SB_ERR_CURSOR_INVALID');
  });

  it('rotates credentials after verifying them again', async () => {
    const owner = await stack.tenant();
    const id = await stack.link(owner);
    const refused = await stack.inject({
      method: 'PATCH',
      url: `/integrated-accounts/${id}`,
      headers: owner.headers,
      payload: { connection: { client_secret: 'rotated-but-wrong' } },
    });
    expect(errorBody(refused).statusCode).toBe(422);

    const rotated = await stack.inject({
      method: 'PATCH',
      url: `/integrated-accounts/${id}`,
      headers: owner.headers,
      payload: {
        connection: { client_id: SIM_CONNECTION.client_id, client_secret: SIM_CONNECTION.client_secret },
      },
    });
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json()).toMatchObject({ id, status: 'active', connection: { subdomain: 'acme' } });
    expect(rotated.body).not.toContain(SIM_CONNECTION.client_secret);

    const unknown = await stack.inject({
      method: 'PATCH',
      url: `/integrated-accounts/${id}`,
      headers: owner.headers,
      payload: { connection: SIM_CONNECTION, status: 'active' },
    });
    expect(errorBody(unknown).statusCode).toBe(400);
  });

  it('deletes once (204), then answers 404', async () => {
    const owner = await stack.tenant();
    const id = await stack.link(owner);
    const first = await stack.inject({
      method: 'DELETE',
      url: `/integrated-accounts/${id}`,
      headers: owner.headers,
    });
    expect(first.statusCode).toBe(204);
    const second = await stack.inject({
      method: 'DELETE',
      url: `/integrated-accounts/${id}`,
      headers: owner.headers,
    });
    expect(errorBody(second).statusCode).toBe(404);
    const read = await stack.inject({ url: `/integrated-accounts/${id}`, headers: owner.headers });
    expect(read.statusCode).toBe(404);
  });

  it('reports capabilities', async () => {
    const owner = await stack.tenant();
    const id = await stack.link(owner);
    const response = await stack.inject({
      url: `/integrated-accounts/${id}/capabilities`,
      headers: owner.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.integration).toBe('onelogin');
    expect(body.unified_models['user-directory'].users.methods).toEqual(
      expect.arrayContaining(['list', 'get', 'create', 'update', 'delete']),
    );
    expect(body.unified_models['user-directory'].users.filters).toContain('email');
    expect(body.proxy_resources.users).toContain('list');
  });
});

describe('POST /link-tokens', () => {
  it('answers 201 with a token, the connect URL and its expiry', async () => {
    const response = await stack.inject({
      method: 'POST',
      url: '/link-tokens',
      headers: tenant.headers,
      payload: {
        integration: 'onelogin',
        tenant_id: 'customer-7',
        redirect_url: 'https://app.example.com/done',
      },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['expires_at', 'link_token', 'url']);
    expect(body.url).toMatch(new RegExp(`/connect/${body.link_token}$`));
    const minutes = (Date.parse(body.expires_at) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(25);
    expect(minutes).toBeLessThanOrEqual(30);
  });

  it.each([
    ['an unknown integration', { integration: 'nope', tenant_id: 't' }],
    [
      'a redirect that is not http(s)',
      { integration: 'onelogin', tenant_id: 't', redirect_url: 'javascript:alert(1)' },
    ],
    ['an unknown field', { integration: 'onelogin', tenant_id: 't', ttl: 99999 }],
  ])('answers 400 for %s', async (_name, payload) => {
    const response = await stack.inject({
      method: 'POST',
      url: '/link-tokens',
      headers: tenant.headers,
      payload,
    });
    expect(errorBody(response).statusCode).toBe(400);
  });
});
