import { describe, expect, it } from 'vitest';
import { buildSimulator } from './simulator.js';

const snapshot = (sim: Awaited<ReturnType<typeof buildSimulator>>) => ({
  users: sim.state.tenant.users.items.map((u) => [u.id, u.userPrincipalName, u.createdDateTime]),
  groups: sim.state.tenant.groups.items.map((g) => [g.id, g.members.length]),
  assignments: sim.state.tenant.roleAssignments.items.map((a) => a.id),
  audits: sim.state.tenant.audits.map((a) => [a.id, a.activityDateTime]),
  signIns: sim.state.tenant.signIns.map((s) => [s.id, s.createdDateTime]),
});

describe('buildSimulator', () => {
  it('seeds the same tenant for the same seed and start instant, whenever it starts', async () => {
    const a = await buildSimulator({ users: 25, seed: 3, startAt: '2025-12-31T00:00:00Z' });
    const b = await buildSimulator({ users: 25, seed: 3, startAt: '2025-12-31T00:00:00Z' });
    expect(snapshot(b)).toEqual(snapshot(a));
    const newest = Math.max(...a.state.tenant.signIns.map((s) => s.createdDateTime));
    expect(newest).toBeLessThan(Date.parse('2025-12-31T00:00:00Z'));
    await Promise.all([a.close(), b.close()]);
  });

  it('POST /__sim/reset brings the seeded tenant back and forgets tokens', async () => {
    const sim = await buildSimulator({ users: 10, seed: 2, startAt: '2025-06-01T00:00:00Z' });
    const before = snapshot(sim);
    sim.state.tenant.users.remove(sim.state.tenant.users.items[0]!.id);
    const reset = await sim.app.inject({ method: 'POST', url: '/__sim/reset' });
    expect(reset.statusCode).toBe(200);
    expect(snapshot(sim)).toEqual(before);
    expect(sim.state.tokens.activeCount(Date.now())).toBe(0);
    await sim.close();
  });

  it('refuses bad options, listing every problem', async () => {
    await expect(
      buildSimulator({
        users: -1,
        tenantId: 'not-a-guid',
        startAt: 'yesterday',
        initialDomain: 'contoso.com',
      }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_SIM_OPTIONS_INVALID',
      details: {
        issues: expect.arrayContaining([
          'users must be a non-negative integer',
          'tenantId must be a GUID',
          'startAt must be an ISO date-time',
          'initialDomain must look like <name>.onmicrosoft.com',
        ]),
      },
    });
  });
});
