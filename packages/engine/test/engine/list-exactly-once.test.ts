import { describe, expect, it } from 'vitest';
import { readAll, unified, useAcme } from '../support/acme-engine.js';

const acme = useAcme();

// Every paging scheme of the fixture, with what a full read must return (ids in upstream order).
const variants = [
  {
    name: 'cursor in a header (users)',
    resource: 'users',
    pageSize: 5,
    expected: () => acme.upstream.data.people.map((p) => String(p.id)),
  },
  {
    name: 'page numbers with a total (groups, flat-mapped and dropped)',
    resource: 'groups',
    pageSize: 4,
    expected: () =>
      acme.upstream.data.teams
        .filter((t) => !t.archived)
        .flatMap((t) => [`team-${t.id}`, ...(t.subteams ?? []).map((s) => `sub-${s.id}`)]),
  },
  {
    name: 'offsets with a total (roles)',
    resource: 'roles',
    pageSize: 3,
    expected: () => acme.upstream.data.roles.map((r) => String(r.id)),
  },
  {
    name: 'Link header (activities)',
    resource: 'activities',
    pageSize: 4,
    expected: () => acme.upstream.data.events.map((e) => String(e.id)),
  },
  {
    name: 'fan-out over roles with body cursors (role_assignments)',
    resource: 'role_assignments',
    pageSize: 2,
    expected: () =>
      acme.upstream.data.roles.flatMap((r) =>
        (acme.upstream.data.members[r.id] ?? []).map((u) => `${u}:${r.id}`),
      ),
  },
];

describe.each(variants)('a full read, $name', ({ resource, pageSize, expected }) => {
  it.each([1, 7, pageSize, pageSize + 1, 50])(
    'returns every record exactly once with limit %i',
    async (limit) => {
      const pages = await readAll(acme.engine, { ...unified(resource), limit });
      const ids = pages.flatMap((p) => p.result.map((r) => r['id']));
      expect(ids).toEqual(expected());
      for (const page of pages.slice(0, -1)) expect(page.result_count).toBe(limit);
      expect(pages.at(-1)?.next_cursor).toBeNull();
    },
  );
});

describe('upstream page size', () => {
  it('is the first limit of a listing (at most the declared size), the same on every page', async () => {
    await readAll(acme.engine, { ...unified('users'), limit: 7 });
    expect(new Set(acme.upstream.calls('/v1/people').map((r) => r.query['limit']))).toEqual(new Set(['5']));
    acme.upstream.requests.length = 0;
    await readAll(acme.engine, { ...unified('users'), limit: 2 });
    expect(new Set(acme.upstream.calls('/v1/people').map((r) => r.query['limit']))).toEqual(new Set(['2']));
  });

  it('stops reading when the limit is reached and does not ask for the next page until asked', async () => {
    const page = await acme.engine.list({ ...unified('users'), limit: 5 });
    expect(page.result).toHaveLength(5);
    expect(page.next_cursor).not.toBeNull();
    expect(acme.upstream.calls('/v1/people')).toHaveLength(1);
  });

  it('uses the default limit of the operation', async () => {
    const page = await acme.engine.list(unified('users'));
    expect(page.result_count).toBe(10);
  });
});
