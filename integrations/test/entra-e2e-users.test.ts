/**
 * End to end: unified users through the real engine, the real `entra.yaml` and the Entra simulator.
 * Expectations come from the simulator's stored tenant (`sim.state.tenant`), never from the mapping's output.
 */
import type { UserRecord } from '@switchboard/sim-entra';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectedStatus, expectedUser } from './support/entra-expected.js';
import {
  type EntraHarness,
  idsOf,
  MODEL,
  readAll,
  remoteStatus,
  startEntra,
  switchboardError,
} from './support/entra-sim.js';

// 230 users: a full listing spans three upstream pages of 100.
const USERS = 230;

// Whole listings at small limits make hundreds of calls on a shared machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let h: EntraHarness;
beforeAll(async () => {
  h = await startEntra({ users: USERS, seed: 7 });
});
afterAll(async () => {
  await h?.close();
});

const base = () => ({ integration: 'entra', account: h.account, model: MODEL, resource: 'users' });
const simUsers = (): UserRecord[] => [...h.sim.state.tenant.users.items];
const simUser = (id: string): UserRecord | undefined => h.sim.state.tenant.users.get(id);
const withoutRemote = ({ remote_data: _, ...rest }: Record<string, unknown>) => rest;
const listUsers = (filters: Record<string, string>, limit = 100) =>
  readAll(h.engine, h.account, { resource: 'users', limit, filters });

describe('reading every user', () => {
  it.each([1, 7, 50, 100])(
    'at limit %i returns each simulator user exactly once, in order',
    async (limit) => {
      const { records, calls } = await readAll(h.engine, h.account, { resource: 'users', limit });
      const ids = idsOf(records);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(simUsers().map((user) => user.id));
      expect(calls).toBe(Math.ceil(USERS / limit));
    },
    60_000,
  );

  it('maps every user field from the stored record, with remote_data as Graph sent it', async () => {
    const { records } = await readAll(h.engine, h.account, { resource: 'users', limit: 100 });
    for (const record of records) {
      const stored = simUser(record['id'] as string)!;
      expect(withoutRemote(record), stored.userPrincipalName).toEqual(expectedUser(stored));
      expect(record['remote_data']).toMatchObject({ id: stored.id, accountEnabled: stored.accountEnabled });
    }
  });

  it('maps each status case of §8.2, which the seed holds', async () => {
    const { records } = await readAll(h.engine, h.account, { resource: 'users', limit: 100 });
    const byId = new Map(records.map((record) => [record['id'], record['status']]));
    const seen = new Set<string>();
    for (const user of simUsers()) {
      const status = byId.get(user.id);
      expect(status, user.userPrincipalName).toBe(expectedStatus(user));
      seen.add(`${user.accountEnabled}/${user.userType}/${user.externalUserState}→${String(status)}`);
    }
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'true/Member/null→active',
        'false/Member/null→suspended',
        'true/Guest/PendingAcceptance→invited',
        'true/Guest/Accepted→active',
        'false/Guest/PendingAcceptance→suspended',
      ]),
    );
  });

  it('gets one user, all fields read with $select', async () => {
    const admin = h.sim.state.tenant.findUser('ann.lee@acme.example')!;
    const { record } = await h.engine.get({ ...base(), id: admin.id });
    expect(record).toMatchObject(expectedUser(admin));
  });

  it('gets one user with its direct groups (memberOf) and its roles (role assignments)', async () => {
    const admin = h.sim.state.tenant.findUser('ann.lee@acme.example')!;
    const { record } = await h.engine.get({ ...base(), id: admin.id });
    const groups = h.sim.state.tenant
      .groupsOf(admin.id)
      .map((group) => ({ id: group.id, name: group.displayName }));
    expect(record['groups']).toEqual(expect.arrayContaining(groups));
    expect((record['groups'] as unknown[]).length).toBe(groups.length);
    // Ids only: §6 documents no `$expand=roleDefinition` to read the names with.
    expect(record['roles']).toEqual([{ id: '62e90394-69f5-4237-9190-012177145e10' }]);
  });

  it('lists users with expand=groups,roles: one memberOf and one role-assignment call per user', async () => {
    const before = structuredClone(h.sim.state.counters.calls);
    const page = await h.engine.list({ ...base(), limit: 20, expand: ['groups', 'roles'] });
    const calls = h.sim.state.counters.calls;
    const delta = (route: string) => (calls[route] ?? 0) - (before[route] ?? 0);
    // One per user returned; the engine may enrich up to `concurrency` (4) records ahead within the upstream page.
    for (const route of [
      'GET /v1.0/users/:id/memberOf',
      'GET /v1.0/roleManagement/directory/roleAssignments',
    ]) {
      expect(delta(route), route).toBeGreaterThanOrEqual(20);
      expect(delta(route), route).toBeLessThanOrEqual(24);
    }
    for (const record of page.result) {
      const id = record['id'] as string;
      const groups = h.sim.state.tenant
        .groupsOf(id)
        .map((group) => group.id)
        .sort();
      expect((record['groups'] as { id: string }[]).map((group) => group.id).sort(), id).toEqual(groups);
      const roles = [
        ...new Set(
          h.sim.state.tenant.roleAssignments.items
            .filter((a) => a.principalId === id)
            .map((a) => a.roleDefinitionId),
        ),
      ].sort();
      expect((record['roles'] as { id: string }[]).map((role) => role.id).sort(), id).toEqual(roles);
    }
    // Without expand, lists cost no extra calls and carry neither field.
    const plain = await h.engine.list({ ...base(), limit: 5 });
    expect(plain.result.every((record) => !('groups' in record) && !('roles' in record))).toBe(true);
  });

  it('answers an unknown user with the upstream 404', async () => {
    const error = await switchboardError(
      h.engine.get({ ...base(), id: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(error.code).toBe('SB_ERR_HTTP_UPSTREAM_STATUS');
    expect(remoteStatus(error)).toBe(404);
  });
});

describe('filtering users', () => {
  it('by email, whatever its case, and by username (a quote in it included)', async () => {
    const target = simUsers().find((user) => user.mail !== null && user.userType === 'Member')!;
    expect(idsOf((await listUsers({ email: target.mail!.toUpperCase() })).records)).toEqual([target.id]);
    const quoted = simUsers().find((user) => user.userPrincipalName.includes("'"))!;
    expect(idsOf((await listUsers({ username: quoted.userPrincipalName })).records)).toEqual([quoted.id]);
  });

  it.each(['active', 'invited', 'suspended'])('by status %s', async (status) => {
    const expected = simUsers().filter((user) => expectedStatus(user) === status);
    expect(expected.length).toBeGreaterThan(0);
    const { records } = await listUsers({ status }, 50);
    expect(idsOf(records)).toEqual(expected.map((user) => user.id));
  });

  it.each(['locked', 'deleted'])('by status %s: Entra never has one, the list is empty', async (status) => {
    expect((await listUsers({ status })).records).toEqual([]);
  });

  it('by created_at[gte], bound included', async () => {
    const times = simUsers()
      .map((user) => user.createdDateTime)
      .filter((time): time is string => time !== null)
      .sort();
    const since = times[Math.floor(times.length / 2)]!;
    const expected = simUsers().filter(
      (user) => user.createdDateTime !== null && user.createdDateTime >= since,
    );
    const { records } = await listUsers({ 'created_at[gte]': since }, 7);
    expect(idsOf(records)).toEqual(expected.map((user) => user.id));
  });

  it('passes remote_query[$search] through with ConsistencyLevel: eventual added, as Graph requires', async () => {
    const { records } = await readAll(h.engine, h.account, {
      resource: 'users',
      limit: 100,
      remoteQuery: { $search: '"displayName:ann"' },
    });
    const expected = simUsers().filter((user) =>
      (user.displayName ?? '')
        .toLowerCase()
        .split(/[\s._@\-'’]+/)
        .some((word) => word.startsWith('ann')),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(idsOf(records)).toEqual(expected.map((user) => user.id));
  });

  it('refuses updated_at[gte] (Graph keeps no modification time), naming the supported filters', async () => {
    const error = await switchboardError(
      h.engine.list({ ...base(), filters: { 'updated_at[gte]': '2024-01-01T00:00:00Z' } }),
    );
    expect(error.code).toBe('SB_ERR_RUN_UNSUPPORTED_FILTER');
    expect([...(error.details['supported'] as string[])].sort()).toEqual([
      'created_at[gte]',
      'email',
      'status',
      'username',
    ]);
  });
});

describe('writing users', () => {
  it('creates a user with the given password; Graph stores it and the get answers it', async () => {
    const { record } = await h.engine.create({
      ...base(),
      body: {
        username: 'new.hire@acme.example',
        first_name: 'New',
        last_name: 'Hire',
        title: 'Analyst',
        emails: [{ email: 'new.hire@acme.example', type: 'work', is_primary: true }],
        password: 'Welcome-2-Acme!',
      },
    });
    const stored = simUser(record['id'] as string)!;
    expect(stored).toMatchObject({
      userPrincipalName: 'new.hire@acme.example',
      displayName: 'New Hire',
      mailNickname: 'new.hire',
      jobTitle: 'Analyst',
      accountEnabled: true,
      password: 'Welcome-2-Acme!',
      forceChangePasswordNextSignIn: true,
    });
    expect(record).toMatchObject({ ...expectedUser(stored), groups: [], roles: [] });
  });

  it('creates a user without a password: a random compliant temporary one, never echoed', async () => {
    const { record } = await h.engine.create({
      ...base(),
      body: { username: 'temp.pass@acme.example', name: 'Temp Pass' },
    });
    const stored = simUser(record['id'] as string)!;
    expect(stored.password.length).toBeGreaterThanOrEqual(16);
    expect(JSON.stringify(record)).not.toContain(stored.password);
  });

  it('refuses a create without a username before calling Graph', async () => {
    const before = h.sim.state.counters.calls['POST /v1.0/users'] ?? 0;
    const error = await switchboardError(
      h.engine.create({ ...base(), body: { first_name: 'No', last_name: 'Name' } }),
    );
    expect(error.code).toBe('SB_ERR_RUN_INVALID_INPUT');
    expect(h.sim.state.counters.calls['POST /v1.0/users'] ?? 0).toBe(before);
  });

  it('passes Graph’s refusal of a duplicate username on as a 400', async () => {
    const error = await switchboardError(
      h.engine.create({ ...base(), body: { username: 'ann.lee@acme.example', name: 'Ann Again' } }),
    );
    expect(remoteStatus(error)).toBe(400);
  });

  it('updates the title and the status (suspended, then active), re-reading the user', async () => {
    const user = simUsers().find((u) => u.accountEnabled && u.userType === 'Member')!;
    const suspended = await h.engine.update({
      ...base(),
      id: user.id,
      body: { title: 'Principal', status: 'suspended' },
    });
    expect(simUser(user.id)).toMatchObject({ jobTitle: 'Principal', accountEnabled: false });
    expect(suspended.record).toMatchObject({ title: 'Principal', status: 'suspended' });
    const active = await h.engine.update({ ...base(), id: user.id, body: { status: 'active' } });
    expect(simUser(user.id)!.accountEnabled).toBe(true);
    expect(active.record['status']).toBe('active');
  });

  it('a pending guest made active stays invited (§8.3)', async () => {
    const guest = simUsers().find((u) => !u.accountEnabled && u.externalUserState === 'PendingAcceptance')!;
    const { record } = await h.engine.update({ ...base(), id: guest.id, body: { status: 'active' } });
    expect(simUser(guest.id)!.accountEnabled).toBe(true);
    expect(record['status']).toBe('invited');
  });

  it('refuses groups, manager and custom_fields on user writes with a 400 saying where they are set', async () => {
    const user = simUsers()[3]!;
    const calls = () =>
      (h.sim.state.counters.calls['PATCH /v1.0/users/:id'] ?? 0) +
      (h.sim.state.counters.calls['POST /v1.0/users'] ?? 0);
    const before = calls();
    for (const body of [
      { groups: [{ id: 'g1' }] },
      { manager: { id: 'm1' } },
      { custom_fields: { a: '1' } },
    ]) {
      const update = await switchboardError(h.engine.update({ ...base(), id: user.id, body }));
      expect(update.code).toBe('SB_ERR_RUN_INVALID_INPUT');
      const create = await switchboardError(
        h.engine.create({ ...base(), body: { username: 'x@acme.example', name: 'X', ...body } }),
      );
      expect(create.code).toBe('SB_ERR_RUN_INVALID_INPUT');
    }
    expect(calls()).toBe(before);
  });

  it('refuses status locked with a 400 and no upstream call', async () => {
    const user = simUsers()[3]!;
    const before = h.sim.state.counters.calls['PATCH /v1.0/users/:id'] ?? 0;
    const error = await switchboardError(
      h.engine.update({ ...base(), id: user.id, body: { status: 'locked' } }),
    );
    expect(error.code).toBe('SB_ERR_RUN_INVALID_INPUT');
    expect(h.sim.state.counters.calls['PATCH /v1.0/users/:id'] ?? 0).toBe(before);
  });

  it('deletes a user: gone from Graph, its groups and its role assignments', async () => {
    const user = simUsers().find(
      (u) =>
        h.sim.state.tenant.roleAssignments.items.some((a) => a.principalId === u.id) &&
        h.sim.state.tenant.groupsOf(u.id).length > 0,
    )!;
    await h.engine.delete({ ...base(), id: user.id });
    expect(simUser(user.id)).toBeUndefined();
    expect(h.sim.state.tenant.groupsOf(user.id)).toEqual([]);
    expect(remoteStatus(await switchboardError(h.engine.get({ ...base(), id: user.id })))).toBe(404);
  });
});
