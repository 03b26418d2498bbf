import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, SIM_CONNECTION, type Stack, startStack, type Tenant } from './stack.js';

const USERS = 60;
let stack: Stack;
let tenant: Tenant;
let account: string;
const usersUrl = (query = '') => `/unified/user-directory/users?integrated_account_id=${account}${query}`;

beforeAll(async () => {
  stack = await startStack({ simulator: { users: USERS } });
  tenant = await stack.tenant();
  account = await stack.link(tenant);
});
afterAll(async () => {
  await stack.close();
});

async function readAll(limit: number, extra = ''): Promise<{ id: string }[]> {
  const records: { id: string }[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = usersUrl(
      `&limit=${limit}${extra}${cursor ? `&next_cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    const response = await stack.inject({ url, headers: tenant.headers });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.prev_cursor).toBeNull();
    expect(body.result_count).toBe(body.result.length);
    expect(body.result.length).toBeLessThanOrEqual(limit);
    records.push(...body.result);
    cursor = body.next_cursor;
    pages += 1;
    expect(pages).toBeLessThan(100);
  } while (cursor !== null);
  return records;
}

describe('listing users', () => {
  it.each([7, 50])('returns every user exactly once at limit %i', async (limit) => {
    const records = await readAll(limit, '&remote_data=false');
    const ids = records.map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(stack.sim.state.data.users.size);
    expect(ids.length).toBe(USERS);
  });

  it('returns unified records with remote_data unless remote_data=false', async () => {
    const withRemote = (await stack.inject({ url: usersUrl('&limit=3'), headers: tenant.headers })).json();
    for (const user of withRemote.result) {
      expect(typeof user.id).toBe('string');
      expect(user.remote_data).toEqual(expect.objectContaining({ id: expect.anything() }));
    }
    const without = (
      await stack.inject({ url: usersUrl('&limit=3&remote_data=false'), headers: tenant.headers })
    ).json();
    for (const user of without.result) expect(user).not.toHaveProperty('remote_data');
  });

  it('passes the upstream rate-limit state on as ratelimit-* headers', async () => {
    const response = await stack.inject({ url: usersUrl('&limit=2'), headers: tenant.headers });
    expect(response.headers['ratelimit-limit']).toMatch(/^\d+$/);
    expect(response.headers['ratelimit-remaining']).toMatch(/^\d+$/);
    expect(response.headers['ratelimit-reset']).toMatch(/^\d+$/);
  });

  it('applies filters, updated_at[gte] included', async () => {
    const first = (await stack.inject({ url: usersUrl('&limit=1'), headers: tenant.headers })).json()
      .result[0];
    const email = first.emails[0].email as string;
    const byEmail = await stack.inject({
      url: usersUrl(`&email=${encodeURIComponent(email)}`),
      headers: tenant.headers,
    });
    expect(byEmail.statusCode).toBe(200);
    expect(byEmail.json().result.map((user: { id: string }) => user.id)).toEqual([first.id]);

    const future = await stack.inject({
      url: usersUrl(`&updated_at[gte]=${encodeURIComponent('2999-01-01T00:00:00Z')}`),
      headers: tenant.headers,
    });
    expect(future.statusCode).toBe(200);
    expect(future.json().result).toEqual([]);
    const encodedBrackets = await stack.inject({
      url: usersUrl('&updated_at%5Bgte%5D=2999-01-01T00%3A00%3A00Z'),
      headers: tenant.headers,
    });
    expect(encodedBrackets.json().result).toEqual([]);
  });

  it('refuses a filter the integration cannot apply, naming those it supports', async () => {
    const response = await stack.inject({ url: usersUrl('&department=Sales'), headers: tenant.headers });
    expect(response.statusCode).toBe(400);
    const body = errorBody(response);
    expect(body.code).toBe('SB_ERR_RUN_UNSUPPORTED_FILTER');
    expect(body.details['supported']).toEqual(
      expect.arrayContaining(['email', 'username', 'updated_at[gte]']),
    );
  });

  it('refuses an expand the integration cannot honour, on lists and gets; an empty expand is no expand', async () => {
    const list = await stack.inject({ url: usersUrl('&expand=groups,roles'), headers: tenant.headers });
    expect(errorBody(list)).toMatchObject({
      statusCode: 400,
      code: 'SB_ERR_RUN_INVALID_INPUT',
      message: expect.stringContaining('groups, roles'),
    });
    const get = await stack.inject({
      url: `/unified/user-directory/users/1?integrated_account_id=${account}&expand=groups`,
      headers: tenant.headers,
    });
    expect(errorBody(get).statusCode).toBe(400);
    const none = await stack.inject({ url: usersUrl('&expand=&limit=1'), headers: tenant.headers });
    expect(none.statusCode, none.body).toBe(200);
  });

  it('refuses a status outside the unified enum, and an empty date filter, instead of answering a list', async () => {
    const bogus = await stack.inject({ url: usersUrl('&status=bogus'), headers: tenant.headers });
    expect(bogus.statusCode).toBe(400);
    expect(errorBody(bogus).code).toBe('SB_ERR_VALIDATION');
    const empty = await stack.inject({ url: usersUrl('&updated_at[gte]='), headers: tenant.headers });
    expect(empty.statusCode).toBe(400);
    expect(errorBody(empty).code).toBe('SB_ERR_RUN_INVALID_INPUT');
  });

  it('refuses a limit above the maximum, zero, negative or not a number', async () => {
    for (const limit of ['101', '0', '-5', 'abc', '1.5', '1e309']) {
      const response = await stack.inject({ url: usersUrl(`&limit=${limit}`), headers: tenant.headers });
      expect(response.statusCode, limit).toBe(400);
      errorBody(response);
    }
  });

  it('refuses a forged cursor and a cursor from another account or query', async () => {
    const page = (await stack.inject({ url: usersUrl('&limit=5'), headers: tenant.headers })).json();
    const cursor = page.next_cursor as string;
    const last = cursor.at(-2) === 'A' ? 'B' : 'A';
    const forged = `${cursor.slice(0, -2)}${last}${cursor.at(-1)}`;
    for (const bad of [forged, 'not-a-cursor', `${cursor}x`, Buffer.from('{"p":1}').toString('base64url')]) {
      const response = await stack.inject({
        url: usersUrl(`&limit=5&next_cursor=${encodeURIComponent(bad)}`),
        headers: tenant.headers,
      });
      expect(response.statusCode, bad).toBe(400);
      expect(errorBody(response).code).toBe('SB_ERR_CURSOR_INVALID');
    }
    const other = await stack.link(tenant);
    const foreign = await stack.inject({
      url: `/unified/user-directory/users?integrated_account_id=${other}&limit=5&next_cursor=${encodeURIComponent(cursor)}`,
      headers: tenant.headers,
    });
    expect(errorBody(foreign).code).toBe('SB_ERR_CURSOR_INVALID');
    const otherQuery = await stack.inject({
      url: usersUrl(`&limit=5&status=active&next_cursor=${encodeURIComponent(cursor)}`),
      headers: tenant.headers,
    });
    expect(errorBody(otherQuery).code).toBe('SB_ERR_CURSOR_INVALID');
  });
});

describe('response formats', () => {
  it('raw returns the upstream bodies', async () => {
    const response = await stack.inject({
      url: usersUrl('&limit=2&response_format=raw'),
      headers: tenant.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Array.isArray(body.raw)).toBe(true);
    expect(body.raw.length).toBeGreaterThan(0);
    expect(JSON.stringify(body.raw)).toContain('firstname');
    expect(body).toHaveProperty('next_cursor');
  });

  it('debug adds the upstream exchanges, with no secret in them', async () => {
    const response = await stack.inject({
      url: usersUrl('&limit=2&response_format=debug'),
      headers: tenant.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.result.length).toBe(2);
    expect(body.debug.trace.length).toBeGreaterThan(0);
    const token = await stack.store.tokens.get(`onelogin:${account}`);
    expect(token?.access_token).toBeTruthy();
    expect(response.body).not.toContain(SIM_CONNECTION.client_secret);
    expect(response.body).not.toContain(token?.access_token);
  });
});

describe('single users: get, create, update, delete', () => {
  it('round-trips a user', async () => {
    const created = await stack.inject({
      method: 'POST',
      url: usersUrl(),
      headers: tenant.headers,
      payload: {
        username: 'ada.lovelace',
        first_name: 'Ada',
        last_name: 'Lovelace',
        emails: [{ email: 'ada@example.com', type: 'work', is_primary: true }],
        title: 'Analyst',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', username: 'ada.lovelace' });
    const id = user.id as string;

    const read = await stack.inject({
      url: `/unified/user-directory/users/${id}?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id, title: 'Analyst' });

    const updated = await stack.inject({
      method: 'PATCH',
      url: `/unified/user-directory/users/${id}?integrated_account_id=${account}`,
      headers: tenant.headers,
      payload: { title: 'Engineer', status: 'suspended' },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ id, title: 'Engineer', status: 'suspended' });

    const deleted = await stack.inject({
      method: 'DELETE',
      url: `/unified/user-directory/users/${id}?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ id });

    const gone = await stack.inject({
      url: `/unified/user-directory/users/${id}?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(gone.statusCode).toBe(404);
    const body = errorBody(gone);
    expect(body.code).toBe('SB_ERR_NOT_FOUND');
    expect(body.is_remote_error).toBe(true);
    expect(body.remote?.status).toBe(404);
  });

  it('refuses unknown fields and wrong types in a write body', async () => {
    for (const payload of [{ username: 'x', nickname: 'y' }, { emails: 'a@b.c' }, { status: 'suspended' }]) {
      const response = await stack.inject({
        method: 'POST',
        url: usersUrl(),
        headers: tenant.headers,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorBody(response).code).toBe('SB_ERR_VALIDATION');
    }
  });

  it('answers 405 for a method the integration does not offer', async () => {
    const response = await stack.inject({
      method: 'POST',
      url: `/unified/user-directory/groups?integrated_account_id=${account}`,
      headers: tenant.headers,
      payload: { name: 'x' },
    });
    expect(response.statusCode).toBe(405);
    expect(errorBody(response).code).toBe('SB_ERR_RUN_UNSUPPORTED_OPERATION');
  });

  it.each(['groups', 'roles', 'role_assignments', 'activities'])('lists %s', async (resource) => {
    const response = await stack.inject({
      url: `/unified/user-directory/${resource}?integrated_account_id=${account}&limit=5`,
      headers: tenant.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ prev_cursor: null, result: expect.any(Array) });
  });
});
