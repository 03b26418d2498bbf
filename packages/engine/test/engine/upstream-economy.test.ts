import { describe, expect, it } from 'vitest';
import { createCursorCodec } from '../../src/cursor/cursor-codec.js';
import { account, CURSOR_SECRET, readAll, readAllProxy, unified, useAcme } from '../support/acme-engine.js';

const acme = useAcme();
const proxy = { integration: 'acme', account: account() } as const;

/** A cursor re-signed without its page size, as cursors were made before sizes were carried. */
function withoutPageSize(cursor: string): string {
  const codec = createCursorCodec(CURSOR_SECRET);
  const { v: _v, z: _z, ...rest } = codec.read(cursor);
  return codec.encode(rest);
}

describe('upstream economy: the upstream page is sized to the caller limit', () => {
  // people: a header cursor, declared page size 5 (the maximum); 23 records.
  it.each([1, 2, 3, 4, 5])(
    'a full unified listing at limit %i costs ⌈N/limit⌉ upstream calls',
    async (limit) => {
      const pages = await readAll(acme.engine, { ...unified('users'), limit });
      const n = acme.upstream.data.people.length;
      expect(pages.flatMap((p) => p.result.map((r) => r['id']))).toEqual(
        acme.upstream.data.people.map((p) => String(p.id)),
      );
      const calls = acme.upstream.calls('/v1/people');
      expect(calls).toHaveLength(Math.ceil(n / limit));
      expect(new Set(calls.map((c) => c.query['limit']))).toEqual(new Set([String(limit)]));
    },
  );

  it('never asks for more than the declared page size', async () => {
    await readAll(acme.engine, { ...unified('users'), limit: 7 });
    expect(new Set(acme.upstream.calls('/v1/people').map((c) => c.query['limit']))).toEqual(new Set(['5']));
  });

  it('keeps the first call’s page size for the whole listing when later calls change the limit', async () => {
    const first = await acme.engine.list({ ...unified('users'), limit: 3 });
    const ids = first.result.map((r) => r['id']);
    let cursor = first.next_cursor;
    for (const limit of [2, 5, 1, 4]) {
      if (cursor === null) break;
      const page = await acme.engine.list({ ...unified('users'), limit, cursor });
      ids.push(...page.result.map((r) => r['id']));
      cursor = page.next_cursor;
    }
    const rest = cursor === null ? [] : await readAll(acme.engine, { ...unified('users'), limit: 3, cursor });
    ids.push(...rest.flatMap((p) => p.result.map((r) => r['id'])));
    expect(ids).toEqual(acme.upstream.data.people.map((p) => String(p.id)));
    expect(new Set(acme.upstream.calls('/v1/people').map((c) => c.query['limit']))).toEqual(new Set(['3']));
  });

  it('sizes offset pages too (roles: offsets with a total)', async () => {
    await readAll(acme.engine, { ...unified('roles'), limit: 2 });
    const calls = acme.upstream.calls('/v1/roles');
    expect(calls).toHaveLength(Math.ceil(acme.upstream.data.roles.length / 2));
    expect(calls.map((c) => c.query['offset'])).toEqual(['0', '2', '4', '6']);
  });

  it('a cursor made before page sizes were carried still reads on at the declared page size', async () => {
    const first = await acme.engine.list({ ...unified('users'), limit: 5 });
    const old = withoutPageSize(first.next_cursor as string);
    const rest = await readAll(acme.engine, { ...unified('users'), limit: 2, cursor: old });
    const ids = [...first.result, ...rest.flatMap((p) => p.result)].map((r) => r['id']);
    expect(ids).toEqual(acme.upstream.data.people.map((p) => String(p.id)));
    expect(new Set(acme.upstream.calls('/v1/people').map((c) => c.query['limit']))).toEqual(new Set(['5']));
  });

  it('refuses a signed cursor whose page size is not a positive integer as an invalid cursor', async () => {
    const codec = createCursorCodec(CURSOR_SECRET);
    const first = await acme.engine.list({ ...unified('users'), limit: 2 });
    const { v: _v, ...rest } = codec.read(first.next_cursor as string);
    const bad = codec.encode({ ...rest, z: 0 });
    await expect(acme.engine.list({ ...unified('users'), limit: 2, cursor: bad })).rejects.toMatchObject({
      code: 'SB_ERR_CURSOR_INVALID',
    });
  });

  it('a full proxy listing at limit L costs ⌈N/L⌉ upstream calls, each asking for L records', async () => {
    const pages = await readAllProxy(acme.engine, { ...proxy, resource: 'people', method: 'GET', limit: 4 });
    const records = pages.flatMap((page) => page.result);
    expect(records).toEqual(acme.upstream.data.people);
    const calls = acme.upstream.calls('/v1/people');
    expect(calls).toHaveLength(Math.ceil(acme.upstream.data.people.length / 4));
    expect(new Set(calls.map((c) => c.query['limit']))).toEqual(new Set(['4']));
  });
});

/** The requests of a full read, each as its query (a request sent twice appears twice). */
const queries = (path: string | RegExp) =>
  acme.upstream.calls(path).map((call) => JSON.stringify(call.query, Object.keys(call.query).sort()));

describe('upstream economy: the rest of a fetched page rides in the cursor', () => {
  it.each([1, 2, 3, 5])(
    'a flat-mapping list at limit %i reads each upstream page once (groups: teams with subteams)',
    async (limit) => {
      const pages = await readAll(acme.engine, { ...unified('groups'), limit });
      const teams = acme.upstream.data.teams;
      const expected = teams
        .filter((t) => !t.archived)
        .flatMap((t) => [`team-${t.id}`, ...(t.subteams ?? []).map((s) => `sub-${s.id}`)]);
      expect(pages.flatMap((p) => p.result.map((r) => r['id']))).toEqual(expected);
      const sent = queries('/v1/teams');
      expect(new Set(sent).size).toBe(sent.length);
      // Pages of min(limit, 4 declared) teams.
      expect(sent).toHaveLength(Math.ceil(teams.length / Math.min(limit, 4)));
    },
  );

  it('a proxy limit above the declared page size reads each upstream page once', async () => {
    const pages = await readAllProxy(acme.engine, { ...proxy, resource: 'people', method: 'GET', limit: 7 });
    for (const page of pages) expect(page.result.length).toBeLessThanOrEqual(7);
    const records = pages.flatMap((page) => page.result);
    expect(records).toEqual(acme.upstream.data.people);
    const sent = queries('/v1/people');
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent).toHaveLength(Math.ceil(acme.upstream.data.people.length / 5));
  });

  it('enriches carried records like fetched ones (users at limit 7 over pages of 5, expand=teams)', async () => {
    const pages = await readAll(acme.engine, { ...unified('users'), limit: 7, expand: ['teams'] });
    const records = pages.flatMap((p) => p.result);
    expect(records.map((r) => r['id'])).toEqual(acme.upstream.data.people.map((p) => String(p.id)));
    expect(records.every((r) => Array.isArray(r['groups']))).toBe(true);
    const sent = queries('/v1/people');
    expect(new Set(sent).size).toBe(sent.length);
    // One teams read per person, none for a record served twice.
    const teamReads = acme.upstream.calls(/^\/v1\/people\/\d+\/teams$/).map((call) => call.path);
    expect(new Set(teamReads).size).toBe(acme.upstream.data.people.length);
  });

  it.each([1, 2])(
    'a fan-out over one parent (`get`) reads the parent once per listing at limit %i',
    async (limit) => {
      acme.upstream.data.members[104] = [11, 12, 13, 14, 15, 16, 17];
      const pages = await readAll(acme.engine, {
        ...unified('role_assignments'),
        filters: { role_id: '104' },
        limit,
      });
      expect(pages.flatMap((p) => p.result.map((r) => r['id']))).toEqual(
        [11, 12, 13, 14, 15, 16, 17].map((u) => `${u}:104`),
      );
      expect(acme.upstream.calls('/v1/roles/104')).toHaveLength(1);
      const sent = queries('/v1/roles/104/members');
      expect(new Set(sent).size).toBe(sent.length);
      expect(sent).toHaveLength(Math.ceil(7 / limit));
    },
  );

  it.each([1, 2, 4])('a merged list at limit %i reads each page of each source once', async (limit) => {
    const pages = await readAll(acme.engine, {
      ...unified('activities'),
      filters: { 'created_at[gte]': '2026-01-01T00:00:00Z' },
      limit,
    });
    const ids = pages.flatMap((p) => p.result.map((r) => r['id']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(acme.upstream.data.logins.length + acme.upstream.data.changes.length);
    for (const path of ['/v1/logins', '/v1/changes']) {
      const sent = queries(path);
      expect(new Set(sent).size, path).toBe(sent.length);
    }
  });
});
