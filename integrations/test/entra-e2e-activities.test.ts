/**
 * End to end: unified activities — Entra's two logs (directory audits and sign-ins) merged newest first with one
 * cursor — through the real engine, `entra.yaml` and the simulator; expectations from the stored logs.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectedActivities, expectedAudit, expectedSignIn } from './support/entra-expected.js';
import { type EntraHarness, idsOf, MODEL, readAll, startEntra } from './support/entra-sim.js';

// Whole listings at small limits make hundreds of calls on a shared machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let h: EntraHarness;
beforeAll(async () => {
  h = await startEntra({ users: 40, seed: 13 });
});
afterAll(async () => {
  await h?.close();
});

const withoutRemote = ({ remote_data: _, ...rest }: Record<string, unknown>) => rest;
const all = () => expectedActivities(h.sim.state.tenant.audits, h.sim.state.tenant.signIns);
const list = (filters: Record<string, string>, limit = 100) =>
  readAll(h.engine, h.account, { resource: 'activities', limit, filters });

describe('the merged activity list', () => {
  it.each([7, 50, 100])(
    'at limit %i holds every audit and sign-in exactly once, newest first',
    async (limit) => {
      const { records } = await readAll(h.engine, h.account, { resource: 'activities', limit });
      const ids = idsOf(records);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(h.sim.state.tenant.audits.length + h.sim.state.tenant.signIns.length);
      const times = records.map((record) => Date.parse(record['created_at'] as string));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(new Set(ids)).toEqual(new Set(all().map((record) => record['id'])));
    },
  );

  it('maps each audit and sign-in per §8.7', async () => {
    const { records } = await readAll(h.engine, h.account, { resource: 'activities', limit: 100 });
    const byId = new Map(records.map((record) => [record['id'], withoutRemote(record)]));
    for (const audit of h.sim.state.tenant.audits)
      expect(byId.get(audit.id), audit.activityDisplayName).toEqual(expectedAudit(audit));
    for (const signIn of h.sim.state.tenant.signIns)
      expect(byId.get(signIn.id)).toEqual(expectedSignIn(signIn));
    const actions = new Set(records.map((record) => record['action']));
    for (const action of [
      'login',
      'login_failed',
      'user_created',
      'user_suspended',
      'group_member_added',
      'role_assigned',
      'other',
    ]) {
      expect(actions).toContain(action);
    }
  });

  it('filters by created_at[gte] and created_at[lt] (bound excluded) on both logs', async () => {
    const everything = all();
    const since = everything[Math.floor(everything.length * 0.6)]!['created_at'] as string;
    const before = everything[Math.floor(everything.length * 0.2)]!['created_at'] as string;
    const expected = everything.filter(
      (r) => (r['created_at'] as string) >= since && (r['created_at'] as string) < before,
    );
    const { records } = await list({ 'created_at[gte]': since, 'created_at[lt]': before }, 7);
    expect(idsOf(records)).toEqual(expected.map((r) => r['id']));
  });

  it('filters by action, sign-ins and audits alike, `other` included', async () => {
    for (const action of ['login_failed', 'user_suspended', 'other']) {
      const { records } = await list({ action });
      expect(idsOf(records), action).toEqual(
        all()
          .filter((r) => r['action'] === action)
          .map((r) => r['id']),
      );
    }
  });

  it('filters by user_id: the user’s sign-ins and the audits they did or that target them', async () => {
    const user = h.sim.state.tenant.users.items[5]!;
    const involves = (record: Record<string, unknown>) =>
      (record['actor'] as { id?: string } | undefined)?.id === user.id ||
      (record['target'] as { id?: string } | undefined)?.id === user.id;
    const expected = [
      ...h.sim.state.tenant.signIns.filter((s) => s.userId === user.id).map((s) => s.id),
      ...h.sim.state.tenant.audits.filter((a) => involves(expectedAudit(a))).map((a) => a.id),
    ];
    expect(expected.length).toBeGreaterThan(0);
    const { records } = await list({ user_id: user.id }, 7);
    expect(new Set(idsOf(records))).toEqual(new Set(expected));
    expect(records.length).toBe(expected.length);
  });

  it('gets one audit entry and one sign-in by id', async () => {
    const audit = h.sim.state.tenant.audits[3]!;
    const signIn = h.sim.state.tenant.signIns[3]!;
    const base = { integration: 'entra', account: h.account, model: MODEL, resource: 'activities' };
    expect(withoutRemote((await h.engine.get({ ...base, id: audit.id })).record)).toEqual(
      expectedAudit(audit),
    );
    expect(withoutRemote((await h.engine.get({ ...base, id: signIn.id })).record)).toEqual(
      expectedSignIn(signIn),
    );
  });

  it('a write through the API shows up as the newest activity', async () => {
    const user = h.sim.state.tenant.users.items.find((u) => u.accountEnabled)!;
    await h.engine.update({
      integration: 'entra',
      account: h.account,
      model: MODEL,
      resource: 'users',
      id: user.id,
      body: { status: 'suspended' },
    });
    const page = await h.engine.list({
      integration: 'entra',
      account: h.account,
      model: MODEL,
      resource: 'activities',
      limit: 3,
    });
    expect(page.result.map((r) => r['action'])).toContain('user_suspended');
  });
});
