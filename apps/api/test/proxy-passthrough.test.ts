import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, type Stack, startStack, type Tenant } from './stack.js';

let stack: Stack;
let tenant: Tenant;
let account: string;
beforeAll(async () => {
  stack = await startStack({ simulator: { users: 30 } });
  tenant = await stack.tenant();
  account = await stack.link(tenant);
});
afterAll(async () => {
  await stack.close();
});

/** The first upstream user, as the proxy lists it. */
async function firstUser(): Promise<{ id: number | string; firstname?: string }> {
  const page = await stack.inject({
    url: `/proxy/users?integrated_account_id=${account}&limit=1`,
    headers: tenant.headers,
  });
  return page.json().result[0];
}

describe('proxy', () => {
  it('lists upstream records in the list envelope, paged', async () => {
    const first = await stack.inject({
      url: `/proxy/users?integrated_account_id=${account}&limit=10`,
      headers: tenant.headers,
    });
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body.result).toHaveLength(10);
    expect(body.result[0]).toHaveProperty('firstname');
    expect(body.prev_cursor).toBeNull();
    expect(typeof body.next_cursor).toBe('string');
    expect(first.headers['ratelimit-remaining']).toMatch(/^\d+$/);

    const ids = new Set(body.result.map((user: { id: number }) => user.id));
    let cursor: string | null = body.next_cursor;
    while (cursor) {
      const page = await stack.inject({
        url: `/proxy/users?integrated_account_id=${account}&limit=10&next_cursor=${encodeURIComponent(cursor)}`,
        headers: tenant.headers,
      });
      expect(page.statusCode).toBe(200);
      for (const user of page.json().result) {
        expect(ids.has(user.id)).toBe(false);
        ids.add(user.id);
      }
      cursor = page.json().next_cursor;
    }
    expect(ids.size).toBe(30);
  });

  it('reads one upstream record as is', async () => {
    const user = await firstUser();
    const response = await stack.inject({
      url: `/proxy/users/${user.id}?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, firstname: user.firstname });
  });

  it.each([2, 5])(
    'pages a get whose answer is a paged collection (a role’s members) at limit %i, with next_cursor',
    async (limit) => {
      const role = [...stack.sim.state.data.roles.items].sort(
        (a, b) => b.members.length - a.members.length,
      )[0]!;
      expect(role.members.length).toBeGreaterThan(limit);
      const route = 'GET /api/2/roles/:id/users';
      const before = stack.sim.state.counters.calls[route] ?? 0;
      const ids: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await stack.inject({
          url: `/proxy/role_users/${role.id}?integrated_account_id=${account}&limit=${limit}${
            cursor ? `&next_cursor=${encodeURIComponent(cursor)}` : ''
          }`,
          headers: tenant.headers,
        });
        expect(page.statusCode, page.body).toBe(200);
        const body = page.json();
        expect(body.prev_cursor).toBeNull();
        expect(body.result.length).toBeLessThanOrEqual(limit);
        ids.push(...body.result.map((member: { id: number }) => member.id));
        cursor = body.next_cursor;
      } while (cursor);
      expect(ids).toEqual(role.members);
      expect((stack.sim.state.counters.calls[route] ?? 0) - before).toBe(
        Math.ceil(role.members.length / limit),
      );
    },
  );

  it('acts on one upstream record with POST /proxy/{resource}/{id}', async () => {
    const user = await firstUser();
    const lock = await stack.inject({
      method: 'PUT',
      url: `/proxy/lock_user/${user.id}?integrated_account_id=${account}`,
      headers: tenant.headers,
      payload: { locked_until: 0 },
    });
    expect(lock.statusCode, lock.body).toBeLessThan(300);
    const response = await stack.inject({
      method: 'POST',
      url: `/proxy/unlock_user/${user.id}?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    const missing = await stack.inject({
      method: 'POST',
      url: `/proxy/unlock_user/99999999?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('forwards limit and next_cursor untouched on a get that is not paged (a user)', async () => {
    const user = await firstUser();
    const response = await stack.inject({
      url: `/proxy/users/${user.id}?integrated_account_id=${account}&limit=abc&next_cursor=zz%20top&response_format=debug`,
      headers: tenant.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.result).toMatchObject({ id: user.id });
    const sent = body.debug.trace.find((entry: { label?: string }) => entry.label === 'users.get');
    const query = new URL(sent.url).searchParams;
    expect(query.get('limit')).toBe('abc');
    expect(query.get('next_cursor')).toBe('zz top');
  });

  it('forwards limit and next_cursor on a write too (they page nothing there)', async () => {
    const user = await firstUser();
    const response = await stack.inject({
      method: 'PUT',
      url: `/proxy/lock_user/${user.id}?integrated_account_id=${account}&limit=7&next_cursor=x&response_format=debug`,
      headers: tenant.headers,
      payload: { locked_until: 0 },
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    const sent = response
      .json()
      .debug.trace.find((entry: { label?: string }) => entry.label?.startsWith('lock_user.'));
    const query = new URL(sent.url).searchParams;
    expect([query.get('limit'), query.get('next_cursor')]).toEqual(['7', 'x']);
  });

  it.each([
    ['abc', 'SB_ERR_VALIDATION'],
    ['0', 'SB_ERR_VALIDATION'],
    ['1.5', 'SB_ERR_VALIDATION'],
    ['20000', 'SB_ERR_VALIDATION'],
    // Within the schema, above the proxy's maximum (1000): the engine refuses it, on both.
    ['5000', 'SB_ERR_RUN_INVALID_INPUT'],
  ])('refuses limit=%s on a paged get (a role’s members) exactly as on a list (%s)', async (limit, code) => {
    const role = stack.sim.state.data.roles.items[0]!;
    const onGet = await stack.inject({
      url: `/proxy/role_users/${role.id}?integrated_account_id=${account}&limit=${limit}`,
      headers: tenant.headers,
    });
    const onList = await stack.inject({
      url: `/proxy/users?integrated_account_id=${account}&limit=${limit}`,
      headers: tenant.headers,
    });
    expect(onList.statusCode).toBe(400);
    expect(errorBody(onGet)).toEqual(errorBody(onList));
    expect(errorBody(onGet)).toMatchObject({ statusCode: 400, code });
  });

  it('refuses an empty next_cursor on a paged get exactly as on a list', async () => {
    const role = stack.sim.state.data.roles.items[0]!;
    const onGet = await stack.inject({
      url: `/proxy/role_users/${role.id}?integrated_account_id=${account}&next_cursor=`,
      headers: tenant.headers,
    });
    const onList = await stack.inject({
      url: `/proxy/users?integrated_account_id=${account}&next_cursor=`,
      headers: tenant.headers,
    });
    expect(onList.statusCode).toBe(400);
    expect(errorBody(onGet)).toEqual(errorBody(onList));
  });

  it('answers 404 for an unknown resource and for a missing record', async () => {
    const unknown = await stack.inject({
      url: `/proxy/nope?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(errorBody(unknown).statusCode).toBe(404);
    const missing = await stack.inject({
      url: `/proxy/users/999999999?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(missing.statusCode).toBe(404);
    expect(errorBody(missing).is_remote_error).toBe(true);
  });
});

describe('passthrough', () => {
  it('forwards the raw path and the caller query, but not integrated_account_id', async () => {
    const response = await stack.inject({
      url: `/passthrough/api/2/users?integrated_account_id=${account}&limit=3`,
      headers: tenant.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toHaveLength(3);
    expect(response.headers['content-type']).toMatch(/json/);
    expect(
      response.headers['transfer-encoding'] === undefined ||
        response.headers['transfer-encoding'] === 'chunked',
    ).toBe(true);
    expect(response.headers.authorization).toBeUndefined();
  });

  it('returns an upstream error status and body as they came', async () => {
    const response = await stack.inject({
      url: `/passthrough/api/2/users/999999999?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('SB_ERR_');
  });

  it.each([
    ['encoded slash', '/passthrough/api%2f2%2fusers'],
    ['encoded dot-dot', '/passthrough/api/2/%2e%2e%2f%2e%2e%2fauth'],
    ['userinfo', '/passthrough/user@evil.example/x'],
    ['CRLF', '/passthrough/api/2/users%0d%0aX-Injected:%201'],
    ['absolute URL', '/passthrough/http:%2f%2fevil.example'],
    ['backslash', '/passthrough/api%5c2'],
  ])('refuses a %s with 400 (inject)', async (_name, path) => {
    const response = await stack.inject({
      url: `${path}?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(errorBody(response).code).toBe('SB_ERR_HTTP_FORBIDDEN_URL');
  });

  it('refuses raw dot segments and protocol-relative paths on the wire, before any upstream call', async () => {
    const url = await stack.app.listen({ port: 0, host: '127.0.0.1' });
    const before = stack.sim.state.counters.totalCalls;
    const raw = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest(`${url}/`, { path, headers: tenant.headers }, (response) => {
          let body = '';
          response.on('data', (chunk) => {
            body += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        request.on('error', reject);
        request.end();
      });
    for (const path of [
      '/passthrough/api/2/../../auth/oauth2/v2/token',
      '/passthrough/api/2/%2e%2e/%2e%2e/auth',
      '/passthrough/./api/2/users',
      '/passthrough//evil.example/api',
      '/passthrough/api/2/users/..%2f..%2f',
    ]) {
      const response = await raw(`${path}?integrated_account_id=${account}`);
      expect(response.status, path).toBe(400);
      expect(JSON.parse(response.body).code).toBe('SB_ERR_HTTP_FORBIDDEN_URL');
    }
    expect(stack.sim.state.counters.totalCalls).toBe(before);
  });
});
