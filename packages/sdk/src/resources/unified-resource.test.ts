import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../models.js';
import { Switchboard } from '../switchboard.js';
import { type Handler, type LocalServer, startLocalServer } from '../testing/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function client(handler: Handler) {
  server = await startLocalServer(handler);
  return { sb: new Switchboard({ apiKey: 'k', baseUrl: server.baseUrl }), requests: server.requests };
}

const query = (url: string | undefined) => new URLSearchParams(url?.split('?')[1] ?? '');

describe('iterate', () => {
  it('walks every page, following next_cursor until it is null', async () => {
    const pages: Record<string, { ids: string[]; next: string | null }> = {
      '': { ids: ['u1', 'u2'], next: 'c2' },
      c2: { ids: ['u3', 'u4'], next: 'c3' },
      c3: { ids: ['u5'], next: null },
    };
    const { sb, requests } = await client((req) => {
      const page = pages[query(req.url).get('next_cursor') ?? ''];
      if (!page) return { status: 400, body: { code: 'SB_ERR_CURSOR_INVALID', message: 'bad cursor' } };
      return {
        body: {
          result: page.ids.map((id) => ({ id })),
          next_cursor: page.next,
          prev_cursor: null,
          result_count: page.ids.length,
        },
      };
    });
    const ids: string[] = [];
    for await (const user of sb.unified.userDirectory.users.iterate({
      integrated_account_id: 'ia_1',
      limit: 2,
    })) {
      ids.push(user.id);
    }
    expect(ids).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(requests.map((r) => query(r.url).get('next_cursor'))).toEqual([null, 'c2', 'c3']);
    expect(requests.every((r) => query(r.url).get('limit') === '2')).toBe(true);
    expect(requests.every((r) => query(r.url).get('integrated_account_id') === 'ia_1')).toBe(true);
  });

  it('stops with a typed error instead of looping when the API repeats a cursor', async () => {
    const { sb } = await client(() => ({
      body: { result: [{ id: 'r1' }], next_cursor: 'same', prev_cursor: null, result_count: 1 },
    }));
    const read = async () => {
      for await (const _ of sb.unified.userDirectory.roles.iterate({ integrated_account_id: 'ia_1' })) {
        // consume
      }
    };
    await expect(read()).rejects.toMatchObject({ code: 'SB_ERR_SDK_CURSOR_REPEATED' });
  });
});

describe('filters and query', () => {
  const empty = { body: { result: [], next_cursor: null, prev_cursor: null, result_count: 0 } };

  it('sends filters as literal top-level keys, remote_query[NAME], and remote_data', async () => {
    const { sb, requests } = await client(() => empty);
    await sb.unified.userDirectory.users.list({
      integrated_account_id: 'ia_1',
      filters: {
        email: 'ann+1@example.com',
        status: 'active',
        'updated_at[gte]': new Date(Date.UTC(2026, 0, 1)),
        'created_at[gte]': '2025-06-01T00:00:00Z',
      },
      remote_query: { fields: 'id,email' },
      remote_data: false,
      next_cursor: 'abc',
    });
    const url = requests[0]?.url ?? '';
    expect(url).toContain('updated_at[gte]=2026-01-01T00%3A00%3A00.000Z');
    expect(url).toContain('created_at[gte]=2025-06-01T00%3A00%3A00Z');
    expect(url).toContain('remote_query[fields]=id%2Cemail');
    expect(url).toContain('email=ann%2B1%40example.com');
    expect(Object.fromEntries(query(url))).toEqual({
      email: 'ann+1@example.com',
      status: 'active',
      'updated_at[gte]': '2026-01-01T00:00:00.000Z',
      'created_at[gte]': '2025-06-01T00:00:00Z',
      'remote_query[fields]': 'id,email',
      integrated_account_id: 'ia_1',
      next_cursor: 'abc',
      remote_data: 'false',
    });
  });

  it('sends the activity filters', async () => {
    const { sb, requests } = await client(() => empty);
    await sb.unified.userDirectory.activities.list({
      integrated_account_id: 'ia_1',
      filters: {
        'created_at[gte]': '2026-01-01T00:00:00Z',
        'created_at[lt]': '2026-02-01T00:00:00Z',
        action: 'login',
      },
    });
    expect(requests[0]?.url).toContain('created_at[lt]=2026-02-01T00%3A00%3A00Z');
    expect(query(requests[0]?.url).get('action')).toBe('login');
  });
});

describe('single records and writes', () => {
  it('gets, creates, updates and deletes at the documented paths with the account in the query', async () => {
    const user: User = { id: 'u1', status: 'suspended' };
    const { sb, requests } = await client((req) =>
      req.method === 'DELETE'
        ? { body: { id: 'u1' } }
        : { status: req.method === 'POST' ? 201 : 200, body: user },
    );
    const scope = { integrated_account_id: 'ia_1' };
    const users = sb.unified.userDirectory.users;
    expect(await users.get('u1', scope)).toEqual(user);
    await users.create({ username: 'ann', emails: [{ email: 'ann@example.com', is_primary: true }] }, scope);
    await users.update('u1', { status: 'suspended' }, scope);
    expect(await users.delete('u1', scope)).toEqual({ id: 'u1' });
    await sb.unified.userDirectory.roleAssignments.create({ user_id: 'u1', role_id: 'r1' }, scope);

    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /unified/user-directory/users/u1?integrated_account_id=ia_1',
      'POST /unified/user-directory/users?integrated_account_id=ia_1',
      'PATCH /unified/user-directory/users/u1?integrated_account_id=ia_1',
      'DELETE /unified/user-directory/users/u1?integrated_account_id=ia_1',
      'POST /unified/user-directory/role_assignments?integrated_account_id=ia_1',
    ]);
    expect(JSON.parse(requests[2]?.body ?? '')).toEqual({ status: 'suspended' });
    expect(JSON.parse(requests[4]?.body ?? '')).toEqual({ user_id: 'u1', role_id: 'r1' });
  });
});

describe('types', () => {
  it('offers only the methods and filters the contract lists (checked by pnpm typecheck)', () => {
    const neverCalled = (sb: Switchboard) => {
      const scope = { integrated_account_id: 'ia_1' };
      // @ts-expect-error groups are read-only in the contract
      void sb.unified.userDirectory.groups.create;
      // @ts-expect-error role assignments have no update
      void sb.unified.userDirectory.roleAssignments.update;
      // @ts-expect-error `action` is an activities filter, not a users one
      void sb.unified.userDirectory.users.list({ ...scope, filters: { action: 'login' } });
      // @ts-expect-error `enabled` is not a user status
      void sb.unified.userDirectory.users.list({ ...scope, filters: { status: 'enabled' } });
      // @ts-expect-error `deleted` can be read but not written
      void sb.unified.userDirectory.users.update('u1', { status: 'deleted' }, scope);
      void sb.unified.userDirectory.activities.list({
        ...scope,
        filters: { action: 'login', user_id: 'u1' },
      });
    };
    expect(neverCalled).toBeTypeOf('function');
  });
});
