/**
 * End to end: unified users through the real engine, the real `onelogin.yaml` and the OneLogin simulator.
 * Expectations come from the simulator's stored data (`sim.state.data`), never from the mapping's own output.
 */
import type { UserRecord } from '@switchboard/sim-onelogin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedStatus, expectedUser } from './support/onelogin-expected.js';
import {
  idsOf,
  iso,
  MODEL,
  type OneLoginHarness,
  readAll,
  remoteStatus,
  startOneLogin,
  switchboardError,
} from './support/onelogin-sim.js';

// 230 users: v2 user lists span three upstream pages of 100.
const USERS = 230;

let h: OneLoginHarness;
beforeAll(async () => {
  h = await startOneLogin({ users: USERS, seed: 7 });
});
afterAll(async () => {
  await h?.close();
});

const base = () => ({ integration: 'onelogin', account: h.account, model: MODEL, resource: 'users' });
const simUsers = (): UserRecord[] => [...h.sim.state.data.users.items];
const simUser = (id: string | number): UserRecord | undefined => h.sim.state.data.users.get(Number(id));
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
      expect(ids).toEqual(simUsers().map((user) => String(user.id)));
      expect(calls).toBe(Math.ceil(USERS / limit));
    },
  );

  it('maps every user field from the stored record, with remote_data as OneLogin sent it', async () => {
    const { records } = await readAll(h.engine, h.account, { resource: 'users', limit: 100 });
    for (const record of records) {
      const stored = simUser(record['id'] as string)!;
      expect(withoutRemote(record), `user ${stored.id}`).toEqual(expectedUser(stored));
      expect(record['remote_data']).toMatchObject({
        id: stored.id,
        status: stored.status,
        state: stored.state,
      });
    }
  });

  it('maps each OneLogin status and state per the table', async () => {
    const { records } = await readAll(h.engine, h.account, { resource: 'users', limit: 100 });
    const byId = new Map(records.map((record) => [record['id'], record]));
    const seen = new Set<string>();
    for (const user of simUsers()) {
      const status = byId.get(String(user.id))?.['status'];
      seen.add(`${user.status}/${user.state}→${String(status)}`);
      expect(status, `status ${user.status} state ${user.state}`).toBe(
        expectedStatus(user.status, user.state),
      );
    }
    // The seed holds every code: make sure the table was really exercised.
    for (const code of [0, 1, 2, 3, 4, 5, 7, 8]) {
      expect(simUsers().some((user) => user.status === code && user.state !== 2)).toBe(true);
    }
    expect([...seen]).toEqual(
      expect.arrayContaining([
        '0/1→invited',
        '7/1→invited',
        '1/1→active',
        '2/1→suspended',
        '3/1→locked',
        '4/1→locked',
        '5/1→locked',
        '8/1→locked',
        '1/2→suspended',
      ]),
    );
  });

  it('leaves out empty strings and nulls instead of returning them', async () => {
    const { records } = await readAll(h.engine, h.account, { resource: 'users', limit: 100 });
    const empties = (value: unknown, path: string): string[] => {
      if (value === '' || value === null) return [path];
      if (typeof value !== 'object') return [];
      return Object.entries(value as object).flatMap(([key, inner]) => empties(inner, `${path}.${key}`));
    };
    for (const record of records) expect(empties(withoutRemote(record), String(record['id']))).toEqual([]);
    // The seed does hold them: ~30 % empty usernames, a null email.
    const blankUsername = simUsers().find((user) => user.username === '')!;
    expect(records.find((r) => r['id'] === String(blankUsername.id))).not.toHaveProperty('username');
    const nullEmail = simUsers().find((user) => user.email === null)!;
    expect(records.find((r) => r['id'] === String(nullEmail.id))).not.toHaveProperty('emails');
  });

  it('gets one user', async () => {
    const stored = simUsers()[19]!;
    const { record } = await h.engine.get({ ...base(), id: String(stored.id) });
    expect(withoutRemote(record)).toEqual(expectedUser(stored));
  });

  it('answers an unknown user with the upstream 404', async () => {
    const error = await switchboardError(h.engine.get({ ...base(), id: '99999999' }));
    expect(error.code).toBe('SB_ERR_HTTP_UPSTREAM_STATUS');
    expect(remoteStatus(error)).toBe(404);
  });
});

describe('filtering users', () => {
  it('by email: exactly the user holding it, whatever its case', async () => {
    const target = simUsers().find((user) => user.email !== null && user.id !== simUsers()[0]!.id)!;
    const { records } = await listUsers({ email: target.email! });
    expect(idsOf(records)).toEqual([String(target.id)]);
    const upper = await listUsers({ email: target.email!.toUpperCase() });
    expect(idsOf(upper.records)).toEqual([String(target.id)]);
  });

  it('by email: a `*` is not a wildcard in the unified filter', async () => {
    const { records } = await listUsers({ email: '*@example.com' });
    expect(records).toEqual([]);
  });

  it('by username', async () => {
    const target = simUsers().filter((user) => user.username)[10]!;
    const { records } = await listUsers({ username: target.username! });
    expect(idsOf(records)).toEqual([String(target.id)]);
  });

  it.each(['active', 'invited', 'suspended', 'locked'])('by status %s', async (status) => {
    const expected = simUsers().filter((user) => expectedStatus(user.status, user.state) === status);
    expect(expected.length).toBeGreaterThan(0);
    const { records } = await listUsers({ status }, 50);
    expect(idsOf(records)).toEqual(expected.map((user) => String(user.id)));
  });

  it('by updated_at[gte], bound included', async () => {
    const times = simUsers()
      .map((user) => user.updated_at)
      .sort((a, b) => a - b);
    const since = times[Math.floor(times.length / 2)]!;
    const expected = simUsers().filter((user) => user.updated_at >= since);
    const { records } = await listUsers({ 'updated_at[gte]': iso(since) });
    expect(idsOf(records)).toEqual(expected.map((user) => String(user.id)));
    expect(expected.length).toBeLessThan(USERS);
  });

  it('by created_at[gte], bound included', async () => {
    const times = simUsers()
      .map((user) => user.created_at)
      .sort((a, b) => a - b);
    const since = times[Math.floor(times.length / 3)]!;
    const expected = simUsers().filter((user) => user.created_at >= since);
    const { records } = await listUsers({ 'created_at[gte]': iso(since) }, 7);
    expect(idsOf(records)).toEqual(expected.map((user) => String(user.id)));
  });

  it('combines filters (status applied after the upstream time filter)', async () => {
    const since = simUsers()[100]!.created_at;
    const expected = simUsers().filter(
      (user) => user.created_at >= since && expectedStatus(user.status, user.state) === 'active',
    );
    const { records } = await listUsers({ status: 'active', 'created_at[gte]': iso(since) }, 7);
    expect(idsOf(records)).toEqual(expected.map((user) => String(user.id)));
  });

  it('refuses an unsupported filter, naming the supported ones', async () => {
    const error = await switchboardError(h.engine.list({ ...base(), filters: { name: 'Ann Lee' } }));
    expect(error.code).toBe('SB_ERR_RUN_UNSUPPORTED_FILTER');
    expect(error.details['unsupported']).toEqual(['name']);
    expect([...(error.details['supported'] as string[])].sort()).toEqual(
      ['created_at[gte]', 'email', 'status', 'updated_at[gte]', 'username'].sort(),
    );
  });
});

describe('writing users', () => {
  const groups = () => h.sim.state.data.groups.items;

  it('creates a user that is stored, and visible on get and on a filtered list', async () => {
    const email = 'new.hire@acme.example';
    const { record } = await h.engine.create({
      ...base(),
      body: {
        username: 'new.hire',
        first_name: 'New',
        last_name: 'Hire',
        emails: [{ email, type: 'work', is_primary: true }],
        title: 'Analyst',
        department: 'Finance',
        groups: [{ id: String(groups()[2]!.id) }],
        custom_fields: { cost_center: 'CC-42' },
      },
    });
    const stored = simUser(record['id'] as string)!;
    expect(stored).toMatchObject({
      username: 'new.hire',
      firstname: 'New',
      lastname: 'Hire',
      email,
      title: 'Analyst',
      department: 'Finance',
      group_id: groups()[2]!.id,
    });
    expect(stored.custom_attributes['cost_center']).toBe('CC-42');
    expect(withoutRemote(record)).toEqual(expectedUser(stored));
    expect(record['status']).toBe('invited'); // v2 create without a password: status 7.

    const got = await h.engine.get({ ...base(), id: String(stored.id) });
    expect(withoutRemote(got.record)).toEqual(expectedUser(stored));
    const { records } = await listUsers({ email });
    expect(idsOf(records)).toEqual([String(stored.id)]);
  });

  it('updates the title and the group; `groups: []` clears the group', async () => {
    const user = simUsers().find((u) => u.status === 1 && u.state === 1 && u.group_id !== null)!;
    const other = groups().find((group) => group.id !== user.group_id)!;
    const { record } = await h.engine.update({
      ...base(),
      id: String(user.id),
      body: { title: 'Principal Engineer', groups: [{ id: String(other.id) }] },
    });
    expect(simUser(user.id)).toMatchObject({ title: 'Principal Engineer', group_id: other.id });
    expect(record).toMatchObject({ title: 'Principal Engineer', groups: [{ id: String(other.id) }] });
    expect((await h.engine.get({ ...base(), id: String(user.id) })).record['title']).toBe(
      'Principal Engineer',
    );

    const cleared = await h.engine.update({ ...base(), id: String(user.id), body: { groups: [] } });
    expect(simUser(user.id)!.group_id).toBeNull();
    expect(cleared.record).not.toHaveProperty('groups');
  });

  it('suspends, locks and reactivates a user, as OneLogin stores it', async () => {
    const user = simUsers().find(
      (u) => u.status === 1 && u.state === 1 && u.id !== h.sim.state.data.ownerId,
    )!;
    const id = String(user.id);

    const suspended = await h.engine.update({ ...base(), id, body: { status: 'suspended' } });
    expect(simUser(id)!.status).toBe(2);
    expect(suspended.record['status']).toBe('suspended');

    const reactivated = await h.engine.update({ ...base(), id, body: { status: 'active' } });
    expect(simUser(id)!.status).toBe(1);
    expect(reactivated.record['status']).toBe('active');

    const locked = await h.engine.update({ ...base(), id, body: { status: 'locked' } });
    expect(simUser(id)!.status).toBe(3);
    expect(locked.record['status']).toBe('locked');

    const unlocked = await h.engine.update({ ...base(), id, body: { status: 'active' } });
    expect(simUser(id)!.status).toBe(1);
    expect(unlocked.record['status']).toBe('active');
    expect(h.sim.state.data.users.get(user.id)!.locked_until).toBeNull();
  });

  it.each([0, 4, 5, 7, 8])('activates a user with status %i', async (code) => {
    const user = simUsers().find((u) => u.status === code && u.state !== 2)!;
    const { record } = await h.engine.update({ ...base(), id: String(user.id), body: { status: 'active' } });
    expect(simUser(user.id)!.status).toBe(1);
    expect(record['status']).toBe('active');
  });

  it('approves a rejected user when asked to make them active', async () => {
    const user = simUsers().find((u) => u.state === 2)!;
    const { record } = await h.engine.update({ ...base(), id: String(user.id), body: { status: 'active' } });
    expect(simUser(user.id)).toMatchObject({ state: 1, status: 1 });
    expect(record['status']).toBe('active');
  });

  it('deletes a user: gone upstream, and get answers not found', async () => {
    const user = simUsers().find((u) => u.id !== h.sim.state.data.ownerId && u.role_ids.length > 0)!;
    const id = String(user.id);
    await h.engine.delete({ ...base(), id });
    expect(simUser(id)).toBeUndefined();
    const error = await switchboardError(h.engine.get({ ...base(), id }));
    expect(error.code).toBe('SB_ERR_HTTP_UPSTREAM_STATUS');
    expect(remoteStatus(error)).toBe(404);
    const { records } = await readAll(h.engine, h.account, { resource: 'users', limit: 100 });
    expect(idsOf(records)).not.toContain(id);
    expect(idsOf(records)).toEqual(simUsers().map((u) => String(u.id)));
  });
});
