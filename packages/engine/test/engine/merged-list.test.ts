import { describe, expect, it } from 'vitest';
import { readAll, unified, useAcme } from '../support/acme-engine.js';
import type { AcmeData } from '../support/acme-upstream.js';

const acme = useAcme();
const SINCE = '2026-04-01T10:04:00Z';
const activities = { ...unified('activities'), filters: { 'created_at[gte]': SINCE } };

/** Both logs, newest first; on equal instants the login log (the first source) comes first. */
function expectedIds(data: AcmeData): string[] {
  const entries = [
    ...data.logins.map((e, i) => ({ id: `login-${e.id}`, at: e.at, source: 0, i })),
    ...data.changes.map((e, i) => ({ id: `change-${e.id}`, at: e.at, source: 1, i })),
  ].filter((e) => e.at >= SINCE);
  entries.sort((a, b) => (a.at === b.at ? a.source - b.source || a.i - b.i : a.at < b.at ? 1 : -1));
  return entries.map((e) => e.id);
}

describe('merged lists', () => {
  it.each([1, 2, 3, 4, 5, 7, 50])(
    'returns every record of both logs once, newest first (limit %i)',
    async (limit) => {
      const pages = await readAll(acme.engine, { ...activities, limit });
      const ids = pages.flatMap((page) => page.result.map((record) => record['id']));
      expect(ids).toEqual(expectedIds(acme.upstream.data));
      expect(ids.length).toBeGreaterThan(10);
      for (const page of pages.slice(0, -1)) expect(page.result).toHaveLength(limit);
      expect(pages.at(-1)?.next_cursor).toBeNull();
    },
  );

  it('maps each source with its own response and sends the filters to both', async () => {
    const page = await acme.engine.list({ ...activities, limit: 3 });
    expect(page.result.map((r) => [r['id'], r['action'], r['created_at']])).toEqual([
      ['login-710', 'login', '2026-04-01T10:20:00Z'],
      // The same instant in both logs: the first source's entry comes first.
      ['login-709', 'login', '2026-04-01T10:18:00Z'],
      ['change-806', 'user_updated', '2026-04-01T10:18:00Z'],
    ]);
    expect(acme.upstream.calls('/v1/logins')[0]?.query).toMatchObject({ since: SINCE });
    expect(acme.upstream.calls('/v1/changes')[0]?.query).toMatchObject({ since: SINCE });
  });

  it('resumes each source where it stood: a page already answered is not read again', async () => {
    // Six records: four logins (first page of 3 and one more) and two changes (the whole first page of 2).
    const first = await acme.engine.list({ ...activities, limit: 6 });
    const loginPages = acme.upstream.calls('/v1/logins').length;
    const changePages = acme.upstream.calls('/v1/changes').length;
    await acme.engine.list({ ...activities, limit: 1, cursor: first.next_cursor as string });
    // The resumed read fetches at most the page each source stood on, never the first page again.
    const resumedLogins = acme.upstream.calls('/v1/logins').slice(loginPages);
    const resumedChanges = acme.upstream.calls('/v1/changes').slice(changePages);
    expect(resumedLogins.map((r) => r.query['after'] ?? '0')).not.toContain('0');
    expect(resumedChanges.map((r) => r.query['offset'] ?? '0')).not.toContain('0');
  });

  it('fails the page when one source fails, rather than answering the other alone', async () => {
    acme.upstream.before = (request) =>
      request.path === '/v1/changes'
        ? [500, { error: { code: 'boom', message: 'change log down' } }]
        : undefined;
    await expect(acme.engine.list(activities)).rejects.toMatchObject({ code: 'SB_ERR_HTTP_UPSTREAM_STATUS' });
  });

  it('refuses a merged cursor on another query, and a plain cursor on the merged one', async () => {
    const merged = await acme.engine.list({ ...activities, limit: 2 });
    await expect(
      acme.engine.list({ ...unified('activities'), cursor: merged.next_cursor as string }),
    ).rejects.toMatchObject({ code: 'SB_ERR_CURSOR_INVALID' });
  });
});

describe('merged lists without a sort key', () => {
  const UNTIL = '2026-04-01T10:13:00Z';
  it.each([1, 3, 4, 50])(
    'reads the sources one after the other, filtered, each record once (limit %i)',
    async (limit) => {
      const pages = await readAll(acme.engine, {
        ...unified('activities'),
        filters: { 'created_at[lt]': UNTIL },
        limit,
      });
      const ids = pages.flatMap((page) => page.result.map((record) => record['id']));
      const { logins, changes } = acme.upstream.data;
      expect(ids).toEqual([
        ...logins.filter((e) => e.at < UNTIL).map((e) => `login-${e.id}`),
        ...changes.filter((e) => e.at < UNTIL).map((e) => `change-${e.id}`),
      ]);
    },
  );
});

describe('computed request headers', () => {
  it('sends a header only when the condition on the upstream query holds', async () => {
    await acme.engine.list({ ...activities, limit: 2 });
    expect(acme.upstream.calls('/v1/logins')[0]?.headers['x-log-verbose']).toBeUndefined();
    await acme.engine.list({ ...activities, limit: 2, remoteQuery: { verbose: '1' } });
    const verbose = acme.upstream.calls('/v1/logins').at(-1);
    expect(verbose?.headers['x-log-verbose']).toBe('yes');
    expect(verbose?.headers).not.toHaveProperty('x-unset');
    // Only the source that declares it.
    expect(acme.upstream.calls('/v1/changes').at(-1)?.headers['x-log-verbose']).toBeUndefined();
  });

  it('computes headers from the mapped filters and keeps them on every page', async () => {
    await readAll(acme.engine, { ...unified('users'), limit: 50 });
    expect(acme.upstream.calls('/v1/people').every((r) => r.headers['x-match'] === undefined)).toBe(true);
    await acme.engine.list({ ...unified('users'), filters: { email: 'p3@acme.test' } });
    expect(acme.upstream.calls('/v1/people').at(-1)?.headers['x-match']).toBe('exact');
  });
});
