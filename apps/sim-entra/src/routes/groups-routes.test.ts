import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, readAllPages, startHarness } from '../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ users: 80, seed: 4 });
});
afterAll(() => h.sim.close());

const groups = () => h.sim.state.tenant.groups.items;
const byName = (name: string) => groups().find((group) => group.displayName === name)!;

describe('groups', () => {
  it('pages every group, and filters on groupTypes with a lambda', async () => {
    const all = await readAllPages(h, '/v1.0/groups?$top=3');
    expect(all.items.map((g) => g['id'])).toEqual(groups().map((g) => g.id));
    const unified = await h.get(
      `/v1.0/groups?$filter=${encodeURIComponent("groupTypes/any(c:c eq 'Unified')")}`,
    );
    expect(unified.json().value.map((g: { id: string }) => g.id)).toEqual(
      groups()
        .filter((g) => g.groupTypes.includes('Unified'))
        .map((g) => g.id),
    );
  });

  it('lists members as typed directory objects, a nested group included', async () => {
    const all = byName('All Employees');
    const { items } = await readAllPages(h, `/v1.0/groups/${all.id}/members?$top=10`);
    expect(items.map((m) => m['id']).sort()).toEqual([...all.members].sort());
    expect(items.find((m) => m['@odata.type'] === '#microsoft.graph.group')?.['displayName']).toBe(
      'Contractors',
    );
  });

  it('adds a member by $ref (204), refuses it twice (400), removes it (204), then 404', async () => {
    const group = byName('Empty group');
    const user = h.sim.state.tenant.users.items[0]!;
    const ref = { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${user.id}` };
    expect((await h.send('POST', `/v1.0/groups/${group.id}/members/$ref`, ref)).statusCode).toBe(204);
    expect(group.members).toEqual([user.id]);
    const again = await h.send('POST', `/v1.0/groups/${group.id}/members/$ref`, ref);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toBe(
      "One or more added object references already exist for the following modified properties: 'members'.",
    );
    expect((await h.send('DELETE', `/v1.0/groups/${group.id}/members/${user.id}/$ref`)).statusCode).toBe(204);
    expect((await h.send('DELETE', `/v1.0/groups/${group.id}/members/${user.id}/$ref`)).statusCode).toBe(404);
    const missing = {
      '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/00000000-0000-4000-8000-000000000000',
    };
    expect((await h.send('POST', `/v1.0/groups/${group.id}/members/$ref`, missing)).statusCode).toBe(404);
    expect(h.sim.state.tenant.audits.slice(-2).map((a) => a.activityDisplayName)).toEqual([
      'Add member to group',
      'Remove member from group',
    ]);
  });
});
