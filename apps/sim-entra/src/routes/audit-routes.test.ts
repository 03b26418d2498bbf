import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preciseIso } from '../data/graph-time.js';
import { type Harness, readAllPages, startHarness } from '../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ users: 30, seed: 9 });
});
afterAll(() => h.sim.close());

const tenant = () => h.sim.state.tenant;
const filter = (text: string) => encodeURIComponent(text);

describe('directory audits', () => {
  it('are served newest first, every entry once across pages; activityDateTime asc on request', async () => {
    const { items } = await readAllPages(h, '/v1.0/auditLogs/directoryAudits?$top=17');
    const times = items.map((a) => Date.parse(a['activityDateTime'] as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items).toHaveLength(tenant().audits.length);
    const asc = await readAllPages(
      h,
      `/v1.0/auditLogs/directoryAudits?$top=50&$orderby=${filter('activityDateTime asc')}`,
    );
    expect(asc.items.map((a) => a['id'])).toEqual([...items].reverse().map((a) => a['id']));
  });

  it('filter on time (ge/le, unquoted, 7 fractional digits), name and target; lt is not offered', async () => {
    const middle = tenant().audits[Math.floor(tenant().audits.length / 2)]!;
    const since = preciseIso(middle.activityDateTime);
    const { items } = await readAllPages(
      h,
      `/v1.0/auditLogs/directoryAudits?$filter=${filter(`activityDateTime ge ${since}`)}`,
    );
    expect(items).toHaveLength(
      tenant().audits.filter((a) => a.activityDateTime >= middle.activityDateTime).length,
    );
    const named = await readAllPages(
      h,
      `/v1.0/auditLogs/directoryAudits?$filter=${filter("activityDisplayName eq 'disable account'")}`,
    );
    expect(named.items.length).toBe(
      tenant().audits.filter((a) => a.activityDisplayName === 'Disable account').length,
    );
    const user = tenant().users.items[0]!;
    const targeted = await readAllPages(
      h,
      `/v1.0/auditLogs/directoryAudits?$filter=${filter(`targetResources/any(t:t/id eq '${user.id}')`)}`,
    );
    expect(targeted.items.length).toBe(
      tenant().audits.filter((a) => a.targetResources.some((t) => t.id === user.id)).length,
    );
    const lt = await h.get(
      `/v1.0/auditLogs/directoryAudits?$filter=${filter(`activityDateTime lt ${since}`)}`,
    );
    expect(lt.json().error.code).toBe('Request_UnsupportedQuery');
  });
});

describe('sign-ins', () => {
  it('default to pages of 1000, newest first; failures filter on status/errorCode', async () => {
    const page = (await h.get('/v1.0/auditLogs/signIns')).json();
    expect(page.value).toHaveLength(Math.min(1000, tenant().signIns.length));
    expect((await h.get('/v1.0/auditLogs/signIns?$top=1001')).statusCode).toBe(400);
    const ok = (await h.get(`/v1.0/auditLogs/signIns?$filter=${filter('status/errorCode eq 0')}`)).json()
      .value;
    expect(ok).toHaveLength(tenant().signIns.filter((s) => s.errorCode === 0).length);
    expect(ok[0]).toMatchObject({ status: { errorCode: 0 }, location: { city: expect.any(String) } });
  });
});
