import { describe, expect, it } from 'vitest';
import { account, readAll, unified, useAcme, users } from '../support/acme-engine.js';

const acme = useAcme();

describe('filters', () => {
  it('translates unified filters to upstream query parameters', async () => {
    const page = await acme.engine.list({ ...users, filters: { status: 'suspended' }, limit: 50 });
    expect(acme.upstream.calls('/v1/people')[0]?.query).toMatchObject({ state: 'disabled' });
    expect(page.result.map((r) => r['id'])).toEqual(['5', '10', '15', '20']);
    expect(page.result.every((r) => r['status'] === 'suspended')).toBe(true);
  });

  it('applies a filter the upstream cannot apply to the mapped records, across pages', async () => {
    const pages = await readAll(acme.engine, {
      ...users,
      filters: { 'updated_at[gte]': '2026-01-20T00:00:00Z' },
      limit: 3,
    });
    const ids = pages.flatMap((p) => p.result.map((r) => r['id']));
    const expected = acme.upstream.data.people.filter(
      (p) => (p.updated_at as string) >= '2026-01-20T00:00:00Z',
    );
    expect(ids).toEqual(expected.map((p) => String(p.id)));
    expect(acme.upstream.calls('/v1/people')[0]?.query).not.toHaveProperty('updated_at[gte]');
  });

  it('refuses a filter the operation does not support, naming the ones it does', async () => {
    await expect(
      acme.engine.list({ ...users, filters: { username: 'ann', email: 'a@b.c' } }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_RUN_UNSUPPORTED_FILTER',
      message: expect.stringContaining('username'),
      details: { unsupported: ['username'], supported: ['email', 'status', 'updated_at[gte]'] },
    });
    expect(acme.upstream.requests).toHaveLength(0);
  });

  it('refuses an empty filter value instead of answering an unfiltered list', async () => {
    await expect(acme.engine.list({ ...users, filters: { 'updated_at[gte]': '' } })).rejects.toMatchObject({
      code: 'SB_ERR_RUN_INVALID_INPUT',
      details: { filters: ['updated_at[gte]'] },
    });
    expect(acme.upstream.requests).toHaveLength(0);
  });

  it('refuses a remote_query parameter that would replace what a unified filter sends', async () => {
    await expect(
      acme.engine.list({ ...users, filters: { status: 'suspended' }, remoteQuery: { state: 'active' } }),
    ).rejects.toMatchObject({ code: 'SB_ERR_RUN_INVALID_INPUT', details: { remote_query: ['state'] } });
    expect(acme.upstream.requests).toHaveLength(0);
  });

  it('picks the first alternative whose condition holds, with its own filters and endpoint', async () => {
    const pages = await readAll(acme.engine, {
      ...unified('activities'),
      filters: { user_id: '2' },
      limit: 2,
    });
    const records = pages.flatMap((p) => p.result);
    expect(records.map((r) => r['id'])).toEqual(['audit-901', 'audit-903', 'audit-905']);
    expect(records[0]).toMatchObject({ actor: { type: 'user', id: '2' }, action: 'other' });
    expect(acme.upstream.calls('/v1/events')).toHaveLength(0);
    await expect(
      acme.engine.list({ ...unified('activities'), filters: { user_id: '2', action: 'login' } }),
    ).rejects.toMatchObject({ code: 'SB_ERR_RUN_UNSUPPORTED_FILTER', details: { supported: ['user_id'] } });
  });

  it('forwards remote_query untouched, next to the mapped filters', async () => {
    await acme.engine.list({
      ...users,
      filters: { email: 'p3@acme.test' },
      remoteQuery: { fields: 'id,email', 'x[]': 'y' },
    });
    expect(acme.upstream.calls('/v1/people')[0]?.query).toEqual({
      email: 'p3@acme.test',
      fields: 'id,email',
      'x[]': 'y',
      limit: '5',
    });
  });
});

describe('record mapping', () => {
  it('drops records mapped to null and flat-maps arrays', async () => {
    acme.upstream.data.people = [
      { id: 1, display_name: 'A', state: 'active' },
      { id: 2, kind: 'service' },
      { id: 3, display_name: 'C', state: 'active' },
    ];
    const page = await acme.engine.list(users);
    expect(page.result.map((r) => r['id'])).toEqual(['1', '3']);

    const groups = await acme.engine.list({ ...unified('groups'), limit: 5 });
    expect(groups.result.map((r) => r['id'])).toEqual(['team-1', 'team-2', 'team-3', 'sub-31', 'sub-32']);
  });

  it('adds remote_data as received unless asked not to, and never exposes secret connection fields', async () => {
    const [first] = (await acme.engine.list({ ...users, limit: 1 })).result;
    expect(first).toEqual({
      id: '1',
      name: 'Person 1',
      emails: [{ email: 'p1@acme.test', type: 'work', is_primary: true }],
      status: 'active',
      updated_at: '2026-01-02T00:00:00Z',
      custom_fields: { tenant: 't1', secret_seen: false },
      remote_data: acme.upstream.data.people[0],
    });
    const [bare] = (await acme.engine.list({ ...users, limit: 1, remoteData: false })).result;
    expect(bare).not.toHaveProperty('remote_data');
  });

  it('keeps an id beyond 2^53 exact all the way to the unified record', async () => {
    acme.upstream.before = (request) =>
      request.path === '/v1/people'
        ? [200, '[{"id": 9007199254740993, "display_name": "Big", "state": "active"}]']
        : undefined;
    const [record] = (await acme.engine.list(users)).result;
    expect(record?.['id']).toBe('9007199254740993');
  });

  it('reports a failing mapping with integration, resource, method, YAML location and record id', async () => {
    acme.upstream.data.people = [
      { id: 1, display_name: 'ok' },
      { id: 77, kind: 'broken' },
    ];
    const failure = await acme.engine.list(users).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'SB_ERR_MAPPING_FAILED',
      message: expect.stringMatching(
        /acme users\.list response .*cannot map person 77 at .*acme-directory\.yaml:\d+:\d+ \(upstream record 77\)/,
      ),
      details: {
        integration: 'acme',
        model: 'user-directory',
        resource: 'users',
        method: 'list',
        upstream_resource: 'people',
        record_id: '77',
        pointer: '/unified/user-directory/users/list/response',
      },
    });
    expect((failure as Error).cause).toBeDefined();
  });

  it('reports a failing filter at its own YAML location with the record id', async () => {
    // A number where the filter expects a date string: the upstream answers garbage.
    acme.upstream.data.people = [
      { id: 41, display_name: 'Odd', state: 'active', updated_at: 5 as unknown as string },
    ];
    const failure = await acme.engine
      .list({ ...users, filters: { 'updated_at[gte]': '2026-01-20T00:00:00Z' } })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'SB_ERR_MAPPING_FAILED',
      message: expect.stringMatching(
        /acme users\.list filter .* at acme-directory\.yaml:\d+:\d+ \(upstream record 41\)/,
      ),
      details: { record_id: '41', pointer: '/unified/user-directory/users/list/filter' },
    });
  });

  it('stops a mapping that never ends with the evaluation guardrail', async () => {
    acme.upstream.data.people = [{ id: 5, kind: 'loop' }];
    await expect(acme.engine.list(users)).rejects.toMatchObject({
      code: 'SB_ERR_MAPPING_FAILED',
      message: expect.stringContaining('guardrail'),
      details: { record_id: '5', jsonata_code: expect.stringMatching(/^D101[12]$/) },
    });
  });
});

describe('unified cursors', () => {
  it('refuses a tampered cursor', async () => {
    const { next_cursor } = await acme.engine.list({ ...users, limit: 2 });
    const cursor = next_cursor as string;
    const tampered = `${cursor.slice(0, 5)}${cursor[5] === 'x' ? 'y' : 'x'}${cursor.slice(6)}`;
    await expect(acme.engine.list({ ...users, limit: 2, cursor: tampered })).rejects.toMatchObject({
      code: 'SB_ERR_CURSOR_INVALID',
    });
  });

  it('refuses a cursor from another account or another query, but accepts another limit', async () => {
    const { next_cursor } = await acme.engine.list({ ...users, limit: 2 });
    const cursor = next_cursor as string;
    await expect(acme.engine.list({ ...users, account: account('acct-2'), cursor })).rejects.toMatchObject({
      code: 'SB_ERR_CURSOR_INVALID',
    });
    await expect(acme.engine.list({ ...users, filters: { status: 'active' }, cursor })).rejects.toMatchObject(
      {
        code: 'SB_ERR_CURSOR_INVALID',
      },
    );
    await expect(acme.engine.list({ ...unified('roles'), cursor })).rejects.toMatchObject({
      code: 'SB_ERR_CURSOR_INVALID',
    });
    const next = await acme.engine.list({ ...users, limit: 3, cursor });
    expect(next.result.map((r) => r['id'])).toEqual(['3', '4', '5']);
  });

  it('refuses limits outside 1..max', async () => {
    for (const limit of [0, 51, 2.5]) {
      await expect(acme.engine.list({ ...users, limit })).rejects.toMatchObject({
        code: 'SB_ERR_RUN_INVALID_INPUT',
        details: { max: 50 },
      });
    }
  });
});

describe('response formats', () => {
  it('raw collects the upstream bodies in order', async () => {
    const page = await acme.engine.list({ ...users, limit: 7, format: 'raw' });
    expect(page.raw).toEqual([acme.upstream.data.people.slice(0, 5), acme.upstream.data.people.slice(5, 10)]);
  });

  it('debug traces every request and page with records in and out and why paging stopped', async () => {
    acme.upstream.data.people = acme.upstream.data.people.slice(0, 7);
    const page = await acme.engine.list({ ...users, limit: 20, format: 'debug' });
    const pages = page.trace?.filter((e) => e.kind === 'page');
    expect(pages).toEqual([
      { kind: 'page', label: 'people.list', recordsIn: 5, recordsOut: 5 },
      { kind: 'page', label: 'people.list', recordsIn: 2, recordsOut: 2, stop: 'empty_cursor' },
    ]);
    const requests = page.trace?.filter((e) => e.kind === 'request' && e.label === 'people.list') ?? [];
    expect(requests).toHaveLength(2);
    expect(JSON.stringify(page.trace)).not.toContain('tok-1');
  });

  it('says max_pages in the trace when the cap ends paging', async () => {
    acme.upstream.data.audit = Array.from({ length: 12 }, (_, i) => ({ id: i, actor: 1, at: 'x' }));
    const page = await acme.engine.list({
      ...unified('activities'),
      filters: { user_id: '1' },
      limit: 50,
      format: 'debug',
    });
    expect(page.result).toHaveLength(6);
    expect(page.next_cursor).toBeNull();
    expect(page.trace?.filter((e) => e.kind === 'page').at(-1)).toMatchObject({ stop: 'max_pages' });
  });
});
