import { describe, expect, it } from 'vitest';
import { readAll, unified, useAcme, users } from '../support/acme-engine.js';

const acme = useAcme();

describe('pagination guards', () => {
  it('refuses an upstream that hands out the same cursor twice', async () => {
    acme.upstream.before = (request) =>
      request.path === '/v1/people'
        ? [200, [{ id: Math.random() }], { 'x-next-cursor': request.query['cursor'] ? 'again' : 'again' }]
        : undefined;
    await expect(acme.engine.list({ ...users, limit: 50 })).rejects.toMatchObject({
      code: 'SB_ERR_PAGINATION_REPEATED_TOKEN',
      details: { label: 'people.list' },
    });
    expect(acme.upstream.calls('/v1/people')).toHaveLength(2);
  });

  it('refuses to follow a Link header to another origin', async () => {
    acme.upstream.before = (request) =>
      request.path === '/v1/events'
        ? [
            200,
            [{ id: 1, type: 'login', at: 'x' }],
            { link: '<https://collector.evil.test/v1/events?after=1>; rel="next"' },
          ]
        : undefined;
    await expect(acme.engine.list({ ...unified('activities'), limit: 50 })).rejects.toMatchObject({
      code: 'SB_ERR_PAGINATION_FOREIGN_ORIGIN',
      details: { origin: 'https://collector.evil.test' },
    });
    expect(acme.upstream.requests.every((r) => r.path === '/v1/events')).toBe(true);
  });

  it('refreshes an expired token in the middle of paging and carries on', async () => {
    let pages = 0;
    acme.upstream.before = (request) => {
      if (request.path !== '/v1/people') return undefined;
      pages++;
      // The token dies after the second page: the third is first refused with 401.
      if (pages === 2) acme.upstream.expireTokens();
      return undefined;
    };
    const [page] = await readAll(acme.engine, { ...users, limit: 23 });
    expect(page?.result.map((r) => r['id'])).toEqual(acme.upstream.data.people.map((p) => String(p.id)));
    const third = acme.upstream
      .calls('/v1/people')
      .filter((r) => r.query['cursor'] === Buffer.from('10').toString('base64url'));
    expect(third.map((r) => r.headers['authorization'])).toEqual(['Bearer tok-1', 'Bearer tok-2']);
    expect(acme.upstream.tokensIssued()).toBe(2);
  });

  it('surfaces an upstream failure on a later page with the upstream status', async () => {
    acme.upstream.before = (request) =>
      request.path === '/v1/people' && request.query['cursor']
        ? [403, { error: { code: 'forbidden', message: 'nope' } }]
        : undefined;
    await expect(acme.engine.list({ ...users, limit: 20 })).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_UPSTREAM_STATUS',
      details: {
        remote: { status: 403 },
        remote_code: 'forbidden',
        remote_message: 'nope',
        is_remote_error: true,
      },
    });
  });
});

describe('fan-out', () => {
  it('calls the child per parent with at most `concurrency` requests in flight, in parent order', async () => {
    const pages = await readAll(acme.engine, { ...unified('role_assignments'), limit: 50 });
    const records = pages.flatMap((p) => p.result);
    expect(records.map((r) => r['role_id'])).toEqual(
      acme.upstream.data.roles.flatMap((r) =>
        (acme.upstream.data.members[r.id] ?? []).map(() => String(r.id)),
      ),
    );
    expect(records[0]).toMatchObject({
      id: '2:101',
      user_id: '2',
      role_id: '101',
      remote_data: { user_id: 2 },
    });
    expect(acme.upstream.maxMembersInFlight()).toBeGreaterThan(1);
    expect(acme.upstream.maxMembersInFlight()).toBeLessThanOrEqual(3);
  });

  it('resumes inside a parent from a cursor and applies the client-side filter', async () => {
    const { data } = acme.upstream;
    data.members = {
      100: [4, 1, 4, 2, 4],
      101: [],
      102: [3, 4],
      103: [4],
      104: [1, 2, 3, 4, 5, 4],
      105: [],
      106: [],
      107: [],
    };
    const pages = await readAll(acme.engine, {
      ...unified('role_assignments'),
      filters: { user_id: '4' },
      limit: 1,
    });
    expect(pages.flatMap((p) => p.result.map((r) => r['id']))).toEqual([
      '4:100',
      '4:100',
      '4:100',
      '4:102',
      '4:103',
      '4:104',
      '4:104',
    ]);
  });

  it('reads a single parent when an alternative names it by id', async () => {
    const page = await acme.engine.list({ ...unified('role_assignments'), filters: { role_id: '103' } });
    expect(page.result.map((r) => r['id'])).toEqual(['4:103', '5:103', '6:103']);
    expect(acme.upstream.calls('/v1/roles')).toHaveLength(0);
    expect(acme.upstream.calls('/v1/roles/103')).toHaveLength(1);
  });

  it('stops fetching children once the limit is met', async () => {
    await acme.engine.list({ ...unified('role_assignments'), limit: 1 });
    // The first role has no members, the second has one: at most the prefetch window beyond it is asked for.
    expect(acme.upstream.calls(/\/members$/).length).toBeLessThanOrEqual(2 + 2);
  });
});

describe('cursor length', () => {
  /** Role 103's members, one per page, each next token padded to `length` characters (a link echoing a filter). */
  const longTokens = (length: number) => {
    acme.upstream.before = (request) => {
      if (request.path !== '/v1/roles/103/members') return undefined;
      const token = request.query['page_token'];
      const from = typeof token === 'string' ? Number(token.slice(length)) : 0;
      const members = acme.upstream.data.members[103] ?? [];
      const next = from + 1 < members.length ? `${'t'.repeat(length)}${from + 1}` : null;
      return [
        200,
        { members: members.slice(from, from + 1).map((id) => ({ user_id: id })), next_token: next },
      ];
    };
  };

  it('drops the carried parent rather than hand out a cursor the next call would refuse', async () => {
    const role = acme.upstream.data.roles.find((r) => r.id === 103)!;
    role.name = 'r'.repeat(2500);
    longTokens(4500);
    const pages = await readAll(acme.engine, {
      ...unified('role_assignments'),
      filters: { role_id: '103' },
      limit: 1,
    });
    expect(pages.flatMap((p) => p.result.map((r) => r['id']))).toEqual(['4:103', '5:103', '6:103']);
    // The role did not fit beside the position: each call read it again instead of carrying it.
    expect(acme.upstream.calls('/v1/roles/103')).toHaveLength(3);
  });

  it('fails the call, naming the listing, when the upstream next position alone cannot fit in a cursor', async () => {
    longTokens(9000);
    await expect(
      acme.engine.list({ ...unified('role_assignments'), filters: { role_id: '103' }, limit: 1 }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_CURSOR_TOO_LONG',
      details: { integration: 'acme', resource: 'user-directory/role_assignments' },
    });
  });
});
