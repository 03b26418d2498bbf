import { describe, expect, it } from 'vitest';
import { readAll, useAcme, users } from '../support/acme-engine.js';

const acme = useAcme();
const teamCalls = () => acme.upstream.calls(/^\/v1\/people\/[^/]+\/teams$/);

/** The teams the simulator gives person `id`. */
function teamsOf(id: number): string[] {
  return acme.upstream.data.teams.filter((t) => (id + t.id) % 4 === 0).map((t) => `team-${t.id}`);
}

describe('per-record enrichment', () => {
  it('makes no extra call unless asked, and the field is then absent', async () => {
    const page = await acme.engine.list({ ...users, limit: 5 });
    expect(teamCalls()).toEqual([]);
    expect(page.result[0]).not.toHaveProperty('groups');
  });

  it('binds each record’s sub-call result in the mapping (expand=teams)', async () => {
    const page = await acme.engine.list({ ...users, limit: 7, expand: ['teams'] });
    for (const record of page.result) {
      const groups = (record['groups'] as { id: string }[] | undefined)?.map((g) => g.id) ?? [];
      expect(groups).toEqual(teamsOf(Number(record['id'])));
    }
    // One call per record answered (and at most `concurrency` - 1 started ahead of the last one).
    expect(teamCalls().length).toBeGreaterThanOrEqual(7);
    expect(teamCalls().length).toBeLessThanOrEqual(8);
  });

  it('runs at most `concurrency` sub-calls at once, but more than one', async () => {
    await acme.engine.list({ ...users, limit: 20, expand: ['teams'] });
    expect(acme.upstream.maxTeamsInFlight()).toBe(2);
  });

  it('keeps every record exactly once across pages with enrichment', async () => {
    const pages = await readAll(acme.engine, { ...users, limit: 4, expand: ['teams', 'manager'] });
    const records = pages.flatMap((p) => p.result);
    expect(records.map((r) => r['id'])).toEqual(acme.upstream.data.people.map((p) => String(p.id)));
    expect(records.find((r) => r['id'] === '2')?.['manager']).toEqual({ id: '1', name: 'Person 1' });
    expect(records.find((r) => r['id'] === '1')).not.toHaveProperty('manager');
  });

  it('enriches a get, and refuses an unknown expand naming the expandable fields', async () => {
    const { record } = await acme.engine.get({ ...users, id: '3', expand: ['manager'] });
    expect(record['manager']).toEqual({ id: '1', name: 'Person 1' });
    expect(teamCalls()).toEqual([]);
    await expect(acme.engine.list({ ...users, expand: ['roles'] })).rejects.toMatchObject({
      code: 'SB_ERR_RUN_INVALID_INPUT',
      message: expect.stringContaining('expandable: teams, manager'),
      details: { unknown: ['roles'] },
    });
  });

  it('fails the page with a retryable error when one sub-call fails, never dropping the field', async () => {
    acme.upstream.before = (request) =>
      request.path === '/v1/people/4/teams'
        ? [404, { error: { code: 'not_found', message: 'gone' } }]
        : undefined;
    const failure = await acme.engine
      .list({ ...users, limit: 10, expand: ['teams'] })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({
      code: 'SB_ERR_RUN_ENRICHMENT_FAILED',
      details: { enrichment: 'teams', record_id: '4', retryable: true, remote: { status: 404 } },
    });
  });

  it('lists the expandable fields in the capabilities', () => {
    expect(acme.engine.capabilities('acme')['user-directory']?.['users']?.expand).toEqual([
      'teams',
      'manager',
    ]);
  });
});
