/**
 * End to end: unified users through the real engine, the real `okta.yaml` and the Okta simulator. Expectations
 * come from the simulator's stored data and the reference's tables (okta-expected.ts), never from the mapping.
 */
import type { UserRecord } from '@switchboard/sim-okta';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectedUser, STATUS_TABLE } from './okta-support/okta-expected.js';
import {
  idsOf,
  iso,
  MODEL,
  type OktaHarness,
  readAll,
  remoteStatus,
  startOkta,
  switchboardError,
  withoutRemote,
} from './okta-support/okta-sim.js';

// 430 users: the upstream listing spans three pages of 200.
const USERS = 430;

// Full listings page through hundreds of upstream calls; the machine is shared, so allow time.
vi.setConfig({ testTimeout: 60_000 });

let h: OktaHarness;
beforeAll(async () => {
  h = await startOkta({ users: USERS, seed: 11 });
});
afterAll(async () => {
  await h?.close();
});

const base = () => ({ integration: 'okta', account: h.account, model: MODEL, resource: 'users' });
const simUsers = (): UserRecord[] => [...h.sim.state.data.users.items];
const listUsers = (filters: Record<string, string>, limit = 100) =>
  readAll(h.engine, h.account, { resource: 'users', limit, filters });

describe('reading every user', () => {
  it.each([7, 50, 130, 200])(
    'at limit %i returns every user exactly once, deactivated ones included',
    async (limit) => {
      const { records, calls } = await readAll(h.engine, h.account, { resource: 'users', limit });
      const ids = idsOf(records);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(simUsers().map((user) => user.id));
      expect(calls).toBe(Math.ceil(USERS / limit));
      expect(records.some((record) => record['status'] === 'deleted')).toBe(true);
    },
  );

  it('maps every field from the stored user, with remote_data as Okta sent it', async () => {
    const { records } = await readAll(h.engine, h.account, { resource: 'users', limit: 200 });
    const byId = new Map(simUsers().map((user) => [user.id, user]));
    for (const record of records) {
      const stored = byId.get(String(record['id']))!;
      expect(withoutRemote(record), stored.id).toEqual(expectedUser(stored));
      expect(record['remote_data']).toMatchObject({
        id: stored.id,
        status: stored.status,
        profile: stored.profile,
      });
    }
  });

  it('maps each Okta status per the §9.2 table, and the seed holds every one', async () => {
    const { records } = await readAll(h.engine, h.account, { resource: 'users', limit: 200 });
    const byId = new Map(records.map((record) => [record['id'], record['status']]));
    for (const [okta, unified] of Object.entries(STATUS_TABLE)) {
      const holders = simUsers().filter((user) => user.status === okta);
      expect(holders.length, okta).toBeGreaterThan(0);
      for (const user of holders) expect(byId.get(user.id), `${okta} ${user.id}`).toBe(unified);
    }
  });

  it('leaves out nulls and empty strings', async () => {
    const { records } = await readAll(h.engine, h.account, { resource: 'users', limit: 200 });
    const empties = (value: unknown, path: string): string[] => {
      if (value === '' || value === null) return [path];
      if (typeof value !== 'object') return [];
      return Object.entries(value as object).flatMap(([key, inner]) => empties(inner, `${path}.${key}`));
    };
    for (const record of records) expect(empties(withoutRemote(record), String(record['id']))).toEqual([]);
    const sparse = simUsers()[9]!;
    const mapped = records.find((record) => record['id'] === sparse.id)!;
    expect(mapped).not.toHaveProperty('phones');
    expect(mapped).not.toHaveProperty('title');
  });

  it('gets one user with its groups and admin roles', async () => {
    const stored = simUsers()[8]!;
    const { record } = await h.engine.get({ ...base(), id: stored.id });
    const groups = h.sim.state.data.groups.items.filter((group) => group.members.includes(stored.id));
    expect(withoutRemote(record)).toEqual({
      ...expectedUser(stored),
      groups: groups.map((group) => ({ id: group.id, name: group.profile.name })),
      roles: h.sim.state.data.roles.get(stored.id)!.map((role) => ({ id: role.type, name: role.label })),
    });
  });

  it('lists groups and roles only when expanded', async () => {
    const page = await h.engine.list({ ...base(), limit: 3, expand: ['groups', 'roles'] });
    for (const record of page.result)
      expect(record['groups']).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'Everyone' })]),
      );
    const plain = await h.engine.list({ ...base(), limit: 3 });
    for (const record of plain.result) expect(record).not.toHaveProperty('groups');
  });

  it('answers an unknown user with the upstream 404', async () => {
    const error = await switchboardError(h.engine.get({ ...base(), id: '00u00000000000000000' }));
    expect(remoteStatus(error)).toBe(404);
  });
});

describe('filtering users', () => {
  it('by email and by username (login)', async () => {
    const target = simUsers()[21]!;
    const byEmail = await listUsers({ email: String(target.profile['email']) });
    expect(idsOf(byEmail.records)).toEqual(
      simUsers()
        .filter((u) => u.profile['email'] === target.profile['email'])
        .map((u) => u.id),
    );
    const byLogin = await listUsers({ username: String(target.profile['login']) });
    expect(idsOf(byLogin.records)).toEqual([target.id]);
  });

  it.each(['active', 'invited', 'suspended', 'locked', 'deleted'])('by status %s', async (status) => {
    const expected = simUsers().filter((user) => STATUS_TABLE[user.status] === status);
    expect(expected.length).toBeGreaterThan(0);
    const { records } = await listUsers({ status }, 50);
    expect(idsOf(records)).toEqual(expected.map((user) => user.id));
  });

  it('by updated_at[gte], bound included, combined with status', async () => {
    const times = simUsers()
      .map((user) => user.lastUpdated)
      .sort((a, b) => a - b);
    const since = times[Math.floor(times.length / 2)]!;
    const expected = simUsers().filter((user) => user.lastUpdated >= since);
    const { records } = await listUsers({ 'updated_at[gte]': iso(since) }, 33);
    expect(idsOf(records)).toEqual(expected.map((user) => user.id));
    const active = await listUsers({ 'updated_at[gte]': iso(since), status: 'active' }, 33);
    expect(idsOf(active.records)).toEqual(expected.filter((u) => u.status === 'ACTIVE').map((u) => u.id));
  });

  it('by created_at[gte] (through search), deactivated users included', async () => {
    const times = simUsers()
      .map((user) => user.created)
      .sort((a, b) => a - b);
    const since = times[Math.floor(times.length / 3)]!;
    const expected = simUsers().filter((user) => user.created >= since);
    const { records } = await listUsers({ 'created_at[gte]': iso(since) }, 40);
    expect(idsOf(records)).toEqual(expected.map((user) => user.id));
    expect(expected.some((user) => user.status === 'DEPROVISIONED')).toBe(true);
  });

  it('refuses a filter Okta cannot honour, naming the supported ones', async () => {
    const error = await switchboardError(h.engine.list({ ...base(), filters: { name: 'Ann Lee' } }));
    expect(error.code).toBe('SB_ERR_RUN_UNSUPPORTED_FILTER');
    expect([...(error.details['supported'] as string[])].sort()).toEqual(
      ['created_at[gte]', 'email', 'status', 'updated_at[gte]', 'username'].sort(),
    );
  });
});

describe('writing users', () => {
  const user = (id: string) => h.sim.state.data.users.get(id)!;
  const create = (body: Record<string, unknown>) => h.engine.create({ ...base(), body });
  const update = (id: string, body: Record<string, unknown>) => h.engine.update({ ...base(), id, body });

  it('creates an ACTIVE user with a password, an invited one without', async () => {
    const { record } = await create({
      username: 'nia.e2e@example.com',
      first_name: 'Nia',
      last_name: 'Ødegaard',
      emails: [{ email: 'nia.e2e@example.com', type: 'work', is_primary: true }],
      phones: [{ number: '+1-555-0199', type: 'mobile' }],
      title: 'Engineer',
      custom_fields: { employeeNumber: 'E-77' },
      password: 'Tr0ub4dor&3x!',
    });
    const stored = user(String(record['id']));
    expect(stored).toMatchObject({ status: 'ACTIVE', hasPassword: true });
    expect(stored.profile).toMatchObject({
      login: 'nia.e2e@example.com',
      email: 'nia.e2e@example.com',
      firstName: 'Nia',
      lastName: 'Ødegaard',
      mobilePhone: '+1-555-0199',
      title: 'Engineer',
      employeeNumber: 'E-77',
    });
    expect(withoutRemote(record)).toEqual(expectedUser(stored));
    expect(JSON.stringify(record)).not.toContain('Tr0ub4dor');

    const invited = await create({
      first_name: 'Ivo',
      last_name: 'Invited',
      emails: [{ email: 'ivo.e2e@example.com', type: 'work', is_primary: true }],
    });
    expect(invited.record['status']).toBe('invited');
    expect(user(String(invited.record['id']))).toMatchObject({
      status: 'PROVISIONED',
      profile: { login: 'ivo.e2e@example.com' },
    });
  });

  it('refuses a duplicate login with Okta’s 400', async () => {
    const existing = simUsers()[20]!;
    const error = await switchboardError(
      create({
        username: String(existing.profile['login']).toUpperCase(),
        first_name: 'Dup',
        last_name: 'Licate',
        emails: [{ email: 'dup@example.com', type: 'work', is_primary: true }],
      }),
    );
    expect(remoteStatus(error)).toBe(400);
    expect(error.message).toContain('An object with this field already exists');
  });

  it('updates only the fields sent', async () => {
    const target = simUsers().find((u) => u.status === 'ACTIVE' && u.profile['title'])!;
    const before = { ...target.profile };
    const lifecycleCalls = () => h.sim.state.counters.calls['POST /api/v1/users/:id/lifecycle/:op'] ?? 0;
    const calls = lifecycleCalls();
    const { record } = await update(target.id, { title: 'Chief Tester' });
    expect(target.profile).toEqual({ ...before, title: 'Chief Tester' });
    expect(lifecycleCalls()).toBe(calls);
    expect(record['title']).toBe('Chief Tester');
  });

  it('suspends an ACTIVE user and reactivates it (lifecycle/suspend, lifecycle/unsuspend)', async () => {
    const target = simUsers().find((u) => u.status === 'ACTIVE' && u.id !== h.sim.state.data.ownerId)!;
    const profileWrites = () => h.sim.state.counters.calls['POST /api/v1/users/:id'] ?? 0;
    const before = profileWrites();
    const suspended = await update(target.id, { status: 'suspended' });
    // A status-only update makes no profile call.
    expect(profileWrites()).toBe(before);
    expect(suspended.record['status']).toBe('suspended');
    expect(target.status).toBe('SUSPENDED');
    const active = await update(target.id, { status: 'active' });
    expect(active.record['status']).toBe('active');
    expect(target.status).toBe('ACTIVE');
    const calls = h.sim.state.counters.calls;
    expect(calls['POST /api/v1/users/:id/lifecycle/:op']).toBeGreaterThanOrEqual(2);
  });

  it('activates per the §9.3 table: unlock, activate, reactivate', async () => {
    const locked = simUsers().find((u) => u.status === 'LOCKED_OUT')!;
    expect((await update(locked.id, { status: 'active' })).record['status']).toBe('active');
    const staged = simUsers().find((u) => u.status === 'STAGED')!;
    await update(staged.id, { status: 'active' });
    // No password: Okta activates through the emailed flow, so the user still reads invited.
    expect(staged.status).toBe('PROVISIONED');
    const recovery = simUsers().find((u) => u.status === 'RECOVERY')!;
    const before = h.sim.state.data.logs.length;
    await update(recovery.id, { status: 'active' });
    expect(h.sim.state.data.logs.slice(before).map((e) => e.eventType)).toContain(
      'user.lifecycle.reactivate',
    );
  });

  it('passes on Okta’s 400 when a PROVISIONED user is suspended', async () => {
    const provisioned = simUsers().find((u) => u.status === 'PROVISIONED')!;
    const error = await switchboardError(update(provisioned.id, { status: 'suspended' }));
    expect(remoteStatus(error)).toBe(400);
    expect(provisioned.status).toBe('PROVISIONED');
  });

  it('refuses locked, active-from-PASSWORD_EXPIRED and groups with a 400 before any write', async () => {
    const target = simUsers().find((u) => u.status === 'PASSWORD_EXPIRED')!;
    const before = structuredClone(h.sim.state.counters.calls);
    const expired = await switchboardError(update(target.id, { status: 'active', title: 'Never written' }));
    expect(expired.code).toBe('SB_ERR_RUN_INVALID_INPUT');
    const locked = await switchboardError(update(target.id, { status: 'locked' }));
    expect(locked.code).toBe('SB_ERR_RUN_INVALID_INPUT');
    const groups = await switchboardError(
      update(target.id, { groups: [{ id: 'g' }], title: 'Never written' }),
    );
    expect(groups.code).toBe('SB_ERR_RUN_INVALID_INPUT');
    expect(groups.message).toContain('group_membership');
    expect(target.profile['title']).not.toBe('Never written');
    expect(h.sim.state.counters.calls['POST /api/v1/users/:id'] ?? 0).toBe(
      before['POST /api/v1/users/:id'] ?? 0,
    );
  });

  it('deletes by deactivating: the user then lists as deleted; a second delete purges it', async () => {
    const target = simUsers().find((u) => u.status === 'SUSPENDED')!;
    await h.engine.delete({ ...base(), id: target.id });
    expect(target.status).toBe('DEPROVISIONED');
    const { records } = await listUsers({ status: 'deleted' }, 200);
    expect(idsOf(records)).toContain(target.id);
    await h.engine.delete({ ...base(), id: target.id });
    expect(h.sim.state.data.users.get(target.id)).toBeUndefined();
  });
});
