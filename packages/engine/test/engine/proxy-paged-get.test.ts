import { describe, expect, it } from 'vitest';
import type { ProxyResult } from '../../src/run/contract.js';
import { account, readAllProxy, useAcme } from '../support/acme-engine.js';

const acme = useAcme();
const proxy = { integration: 'acme', account: account() } as const;
type ListAnswer = Extract<ProxyResult, { kind: 'list' }>;

/** Role 101 is given 11 members; the upstream pages them 2 at a time at most (`max`). */
const ROLE = 101;
const MEMBERS = Array.from({ length: 11 }, (_, i) => 40 + i);

async function readMembers(
  limit: number,
  id = String(ROLE),
): Promise<{ pages: ListAnswer[]; ids: unknown[] }> {
  const pages = await readAllProxy(acme.engine, {
    ...proxy,
    resource: 'members_of_role',
    method: 'GET',
    id,
    limit,
  });
  return { pages, ids: pages.flatMap((page) => page.result.map((m) => (m as { user_id: unknown }).user_id)) };
}

describe('proxy get of a paged collection', () => {
  it.each([1, 2])(
    'pages like a list at limit %i: every member once, ⌈N/limit⌉ upstream calls',
    async (limit) => {
      acme.upstream.data.members[ROLE] = [...MEMBERS];
      const { pages, ids } = await readMembers(limit);
      expect(ids).toEqual(MEMBERS);
      expect(pages.every((page) => page.result.length <= limit)).toBe(true);
      const calls = acme.upstream.calls(`/v1/roles/${ROLE}/members`);
      expect(calls).toHaveLength(Math.ceil(MEMBERS.length / limit));
      expect(new Set(calls.map((call) => call.query['max']))).toEqual(new Set([String(limit)]));
    },
  );

  it('answers the list envelope, not the upstream page with its own next token', async () => {
    acme.upstream.data.members[ROLE] = [...MEMBERS];
    const page = await acme.engine.proxy({ ...proxy, resource: 'members_of_role', method: 'GET', id: '101' });
    expect(page).toMatchObject({ kind: 'list', result_count: 2, result: [{ user_id: 40 }, { user_id: 41 }] });
    expect((page as ListAnswer).next_cursor).toEqual(expect.any(String));
    expect(JSON.stringify(page)).not.toContain('next_token');
  });

  it('binds its cursor to the collection: another id or the list refuses it', async () => {
    acme.upstream.data.members[ROLE] = [...MEMBERS];
    const first = (await acme.engine.proxy({
      ...proxy,
      resource: 'members_of_role',
      method: 'GET',
      id: String(ROLE),
      limit: 2,
    })) as ListAnswer;
    const cursor = first.next_cursor as string;
    await expect(
      acme.engine.proxy({ ...proxy, resource: 'members_of_role', method: 'GET', id: '102', cursor }),
    ).rejects.toMatchObject({ code: 'SB_ERR_CURSOR_INVALID' });
    await expect(
      acme.engine.proxy({
        ...proxy,
        resource: 'members_of_role',
        method: 'GET',
        query: { role_id: String(ROLE) },
        cursor,
      }),
    ).rejects.toMatchObject({ code: 'SB_ERR_CURSOR_INVALID' });
  });

  it('answers an empty collection with an empty page and no cursor', async () => {
    acme.upstream.data.members[ROLE] = [];
    const { pages, ids } = await readMembers(5);
    expect(ids).toEqual([]);
    expect(pages).toHaveLength(1);
  });
});

describe('proxyPaged', () => {
  it('says which proxy calls take limit and cursor: lists and paged gets, not other gets, writes or unknowns', () => {
    const paged = (resource: string, method: 'GET' | 'POST', id?: string) =>
      acme.engine.proxyPaged('acme', { resource, method, ...(id === undefined ? {} : { id }) });
    expect(paged('members_of_role', 'GET', '101')).toBe(true);
    expect(paged('people', 'GET')).toBe(true);
    expect(paged('people', 'GET', '1')).toBe(false);
    expect(paged('people', 'POST')).toBe(false);
    expect(paged('no_such_resource', 'GET', '1')).toBe(false);
    expect(() => acme.engine.proxyPaged('nope', { resource: 'people', method: 'GET' })).toThrow(
      expect.objectContaining({ code: 'SB_ERR_RUN_UNKNOWN_INTEGRATION' }),
    );
  });
});
