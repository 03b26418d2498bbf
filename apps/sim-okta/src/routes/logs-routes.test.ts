import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

const nextOf = (link: string | string[] | undefined): string | undefined => {
  const line = [link ?? []].flat().find((value) => value.endsWith('rel="next"'));
  if (line === undefined) return undefined;
  const url = new URL(/<([^>]+)>/.exec(line)?.[1] ?? '');
  return url.pathname + url.search;
};

describe('System Log', () => {
  let h: Harness;
  afterEach(() => h.sim.close());
  const window = () => {
    const logs = h.sim.state.data.logs;
    return `since=${encodeURIComponent(new Date(logs[0]!.published).toISOString())}&until=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}`;
  };

  it('bounded requests page every event once in published order, the last page without next', async () => {
    h = await startHarness({ users: 30 });
    const seen: string[] = [];
    let next: string | undefined = `/api/v1/logs?${window()}&limit=17`;
    while (next !== undefined) {
      const page = await h.get(next);
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().map((event: { uuid: string }) => event.uuid));
      next = nextOf(page.headers.link);
    }
    expect(seen).toEqual(h.sim.state.data.logs.map((event) => event.uuid));
  });

  it('polling requests (no until) always carry next, even when the page is empty', async () => {
    h = await startHarness({ users: 3 });
    const since = new Date(Date.now() - 1000).toISOString();
    const empty = await h.get(`/api/v1/logs?since=${encodeURIComponent(since)}`);
    expect(empty.json()).toEqual([]);
    expect(nextOf(empty.headers.link)).toBeDefined();
  });

  it('defaults to the last 7 days and 100 events; filters with SCIM expressions', async () => {
    h = await startHarness({ users: 60 });
    const week = Date.now() - 7 * 86_400_000;
    const recent = h.sim.state.data.logs.filter((event) => event.published >= week);
    const page = await h.get(
      `/api/v1/logs?until=${encodeURIComponent(new Date(Date.now() + 1).toISOString())}`,
    );
    expect(page.json().map((e: { uuid: string }) => e.uuid)).toEqual(recent.slice(0, 100).map((e) => e.uuid));
    const filter = encodeURIComponent('eventType eq "user.session.start" and outcome.result eq "FAILURE"');
    const failed = await h.get(`/api/v1/logs?${window()}&limit=1000&filter=${filter}`);
    const expected = h.sim.state.data.logs.filter(
      (e) => e.eventType === 'user.session.start' && e.outcome.result === 'FAILURE',
    );
    expect(failed.json().map((e: { uuid: string }) => e.uuid)).toEqual(expected.map((e) => e.uuid));
    expect(expected.length).toBeGreaterThan(0);
  });

  it('refuses a malformed date with E0000001 and two causes', async () => {
    h = await startHarness({ users: 1 });
    const response = await h.get('/api/v1/logs?until=yesterday');
    expect(response.statusCode).toBe(400);
    expect(response.json().errorCode).toBe('E0000001');
    expect(response.json().errorSummary).toContain(
      "'until': The date format in your query is not recognized",
    );
    expect(response.json().errorCauses).toHaveLength(2);
  });
});
