/**
 * End to end: unified groups and role assignments through the real engine, the real `okta.yaml` and the Okta
 * simulator; expectations from the simulator's stored data.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectedGroup } from './okta-support/okta-expected.js';
import {
  idsOf,
  MODEL,
  type OktaHarness,
  readAll,
  remoteStatus,
  startOkta,
  switchboardError,
  withoutRemote,
} from './okta-support/okta-sim.js';

// Full listings page through hundreds of upstream calls; the machine is shared, so allow time.
vi.setConfig({ testTimeout: 60_000 });

let h: OktaHarness;
beforeAll(async () => {
  h = await startOkta({ users: 260, seed: 3 });
});
afterAll(async () => {
  await h?.close();
});

const base = (resource: string) => ({ integration: 'okta', account: h.account, model: MODEL, resource });
const STANDARD = new Set([
  'SUPER_ADMIN',
  'ORG_ADMIN',
  'APP_ADMIN',
  'USER_ADMIN',
  'HELP_DESK_ADMIN',
  'READ_ONLY_ADMIN',
  'MOBILE_ADMIN',
  'API_ACCESS_MANAGEMENT_ADMIN',
  'REPORT_ADMIN',
  'GROUP_MEMBERSHIP_ADMIN',
]);

/** Every standard assignment the simulator holds, users in id order, each user's roles in order. */
function storedAssignments(): { id: string; user_id: string; role_id: string; created_at: string }[] {
  return h.sim.state.data.users.items.flatMap((user) =>
    (h.sim.state.data.roles.get(user.id) ?? [])
      .filter((role) => STANDARD.has(role.type))
      .map((role) => ({
        id: `${user.id}:${role.id}`,
        user_id: user.id,
        role_id: role.type,
        created_at: new Date(role.created).toISOString(),
      })),
  );
}

describe('groups', () => {
  it.each([1, 4, 50])('at limit %i lists every group of every type exactly once', async (limit) => {
    const { records } = await readAll(h.engine, h.account, { resource: 'groups', limit });
    expect(records.map(withoutRemote)).toEqual(h.sim.state.data.groups.items.map(expectedGroup));
    expect(new Set(records.map((r) => (r['remote_data'] as { type: string }).type))).toEqual(
      new Set(['BUILT_IN', 'OKTA_GROUP', 'APP_GROUP']),
    );
  });

  it('gets a group; an unknown one is the upstream 404', async () => {
    const group = h.sim.state.data.groups.items[4]!;
    const { record } = await h.engine.get({ ...base('groups'), id: group.id });
    expect(withoutRemote(record)).toEqual(expectedGroup(group));
    const error = await switchboardError(h.engine.get({ ...base('groups'), id: '00g00000000000000000' }));
    expect(remoteStatus(error)).toBe(404);
  });
});

describe('roles: the standard admin role types', () => {
  it.each([1, 4, 50])(
    'at limit %i lists the ten standard types once, with the confirmed labels',
    async (limit) => {
      const { records } = await readAll(h.engine, h.account, { resource: 'roles', limit });
      expect(records.map(withoutRemote)).toEqual([
        { id: 'SUPER_ADMIN', name: 'Super Organization administrator' },
        { id: 'ORG_ADMIN', name: 'Organization administrator' },
        { id: 'APP_ADMIN', name: 'Application administrator' },
        { id: 'USER_ADMIN', name: 'USER_ADMIN' },
        { id: 'HELP_DESK_ADMIN', name: 'Help Desk administrator' },
        { id: 'READ_ONLY_ADMIN', name: 'READ_ONLY_ADMIN' },
        { id: 'MOBILE_ADMIN', name: 'MOBILE_ADMIN' },
        { id: 'API_ACCESS_MANAGEMENT_ADMIN', name: 'API Access Management administrator' },
        { id: 'REPORT_ADMIN', name: 'REPORT_ADMIN' },
        { id: 'GROUP_MEMBERSHIP_ADMIN', name: 'GROUP_MEMBERSHIP_ADMIN' },
      ]);
    },
  );

  it('gets one type without calling Okta; an unknown type is not found', async () => {
    const before = h.sim.state.counters.totalCalls;
    const { record } = await h.engine.get({ ...base('roles'), id: 'HELP_DESK_ADMIN' });
    expect(withoutRemote(record)).toEqual({ id: 'HELP_DESK_ADMIN', name: 'Help Desk administrator' });
    expect(h.sim.state.counters.totalCalls).toBe(before);
    const error = await switchboardError(h.engine.get({ ...base('roles'), id: 'CUSTOM' }));
    expect(error.code).toBe('SB_ERR_RUN_RECORD_NOT_FOUND');
  });
});

describe('role assignments', () => {
  it.each([5, 25, 200])(
    'at limit %i lists every assignment exactly once, deactivated users included',
    async (limit) => {
      const { records } = await readAll(h.engine, h.account, { resource: 'role_assignments', limit });
      expect(records.map(withoutRemote)).toEqual(storedAssignments());
      const deactivated = new Set(
        h.sim.state.data.users.items.filter((user) => user.status === 'DEPROVISIONED').map((user) => user.id),
      );
      expect(records.some((record) => deactivated.has(String(record['user_id'])))).toBe(true);
    },
  );

  it('filters by user and by role', async () => {
    const admin = h.sim.state.data.users.items[8]!;
    const mine = await readAll(h.engine, h.account, {
      resource: 'role_assignments',
      filters: { user_id: admin.id },
    });
    expect(mine.records.map(withoutRemote)).toEqual(
      storedAssignments().filter((a) => a.user_id === admin.id),
    );
    const helpDesk = await readAll(h.engine, h.account, {
      resource: 'role_assignments',
      limit: 50,
      filters: { role_id: 'HELP_DESK_ADMIN' },
    });
    expect(idsOf(helpDesk.records)).toEqual(
      storedAssignments()
        .filter((a) => a.role_id === 'HELP_DESK_ADMIN')
        .map((a) => a.id),
    );
  });

  it('assigns and unassigns a role; a duplicate is the upstream 409', async () => {
    const user = h.sim.state.data.users.items[30]!;
    const body = { user_id: user.id, role_id: 'REPORT_ADMIN' };
    const { record } = await h.engine.create({ ...base('role_assignments'), body });
    const stored = h.sim.state.data.roles.get(user.id)!.find((role) => role.type === 'REPORT_ADMIN')!;
    expect(withoutRemote(record)).toEqual({
      id: `${user.id}:${stored.id}`,
      user_id: user.id,
      role_id: 'REPORT_ADMIN',
      created_at: new Date(stored.created).toISOString(),
    });
    const duplicate = await switchboardError(h.engine.create({ ...base('role_assignments'), body }));
    expect(remoteStatus(duplicate)).toBe(409);
    await h.engine.delete({ ...base('role_assignments'), id: String(record['id']) });
    expect(h.sim.state.data.roles.get(user.id)!.some((role) => role.type === 'REPORT_ADMIN')).toBe(false);
  });

  it('refuses a role outside the standard types and a malformed id before calling Okta', async () => {
    const user = h.sim.state.data.users.items[31]!;
    const custom = await switchboardError(
      h.engine.create({ ...base('role_assignments'), body: { user_id: user.id, role_id: 'CUSTOM' } }),
    );
    expect(custom.code).toBe('SB_ERR_RUN_INVALID_INPUT');
    const malformed = await switchboardError(
      h.engine.delete({ ...base('role_assignments'), id: 'no-colon' }),
    );
    expect(malformed.code).toBe('SB_ERR_RUN_INVALID_INPUT');
  });
});
