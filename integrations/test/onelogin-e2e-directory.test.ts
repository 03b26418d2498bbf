/**
 * End to end: unified groups, roles and role assignments through the real engine, the real `onelogin.yaml` and
 * the OneLogin simulator. Expectations come from the simulator's stored data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedRole } from './support/onelogin-expected.js';
import {
  idsOf,
  MODEL,
  type OneLoginHarness,
  readAll,
  remoteStatus,
  startOneLogin,
  switchboardError,
} from './support/onelogin-sim.js';

// v1 lists come 50 to a page; the seed has 8 groups, so more are stored to make the body cursor turn pages.
const EXTRA_GROUPS = 112;
const FIRST_EXTRA_GROUP_ID = 900_001;

let h: OneLoginHarness;
beforeAll(async () => {
  h = await startOneLogin({ users: 230, seed: 11 });
  for (let i = 0; i < EXTRA_GROUPS; i++) {
    h.sim.state.data.groups.insert({ id: FIRST_EXTRA_GROUP_ID + i * 2, name: `Team ${i}` });
  }
});
afterAll(async () => {
  await h?.close();
});

const on = (resource: string) => ({ integration: 'onelogin', account: h.account, model: MODEL, resource });
const data = () => h.sim.state.data;
const calls = (route: string) => h.sim.state.counters.calls[route] ?? 0;
const withoutRemote = ({ remote_data: _, ...rest }: Record<string, unknown>) => rest;

describe('groups', () => {
  it.each([7, 50, 100])('at limit %i lists every group exactly once across v1 pages', async (limit) => {
    const before = calls('GET /api/1/groups');
    const { records } = await readAll(h.engine, h.account, { resource: 'groups', limit });
    const ids = idsOf(records);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(data().groups.items.map((group) => String(group.id)));
    for (const record of records) {
      const stored = data().groups.get(Number(record['id']))!;
      expect(withoutRemote(record)).toEqual({ id: String(stored.id), name: stored.name, type: 'group' });
    }
    // 120 groups at 50 per upstream page: at least three pages (more when a unified page ends mid-page).
    expect(calls('GET /api/1/groups') - before).toBeGreaterThanOrEqual(3);
  });

  it('gets one group', async () => {
    const stored = data().groups.items[5]!;
    const { record } = await h.engine.get({ ...on('groups'), id: String(stored.id) });
    expect(withoutRemote(record)).toEqual({ id: String(stored.id), name: stored.name, type: 'group' });
  });

  it('answers an unknown group with the upstream 404', async () => {
    const error = await switchboardError(h.engine.get({ ...on('groups'), id: '12345' }));
    expect(error.code).toBe('SB_ERR_HTTP_UPSTREAM_STATUS');
    expect(remoteStatus(error)).toBe(404);
  });
});

describe('roles', () => {
  it('lists every role exactly once', async () => {
    const { records, calls: pages } = await readAll(h.engine, h.account, { resource: 'roles', limit: 5 });
    expect(records.map(withoutRemote)).toEqual(data().roles.items.map(expectedRole));
    expect(pages).toBe(Math.ceil(data().roles.size / 5));
  });

  it('gets one role', async () => {
    const stored = data().roles.items.find((role) => role.name.includes('spécial'))!;
    const { record } = await h.engine.get({ ...on('roles'), id: String(stored.id) });
    expect(withoutRemote(record)).toEqual(expectedRole(stored));
  });

  it('creates, renames and deletes a role, each visible upstream and on get', async () => {
    const created = await h.engine.create({
      ...on('roles'),
      body: { name: 'Auditors', description: 'not stored by OneLogin' },
    });
    const id = created.record['id'] as string;
    expect(data().roles.get(Number(id))?.name).toBe('Auditors');
    expect(withoutRemote(created.record)).toEqual({ id, name: 'Auditors' });

    const renamed = await h.engine.update({ ...on('roles'), id, body: { name: 'Internal Auditors' } });
    expect(withoutRemote(renamed.record)).toEqual({ id, name: 'Internal Auditors' });
    expect(data().roles.get(Number(id))?.name).toBe('Internal Auditors');
    expect((await h.engine.get({ ...on('roles'), id })).record['name']).toBe('Internal Auditors');

    await h.engine.delete({ ...on('roles'), id });
    expect(data().roles.get(Number(id))).toBeUndefined();
    const error = await switchboardError(h.engine.get({ ...on('roles'), id }));
    expect(remoteStatus(error)).toBe(404);
  });

  it('passes on OneLogin refusing to delete the Default role', async () => {
    const defaultRole = data().roles.items.find((role) => role.name === 'Default')!;
    const error = await switchboardError(h.engine.delete({ ...on('roles'), id: String(defaultRole.id) }));
    expect(error.code).toBe('SB_ERR_HTTP_UPSTREAM_STATUS');
    expect(remoteStatus(error)).toBe(403);
    expect(data().roles.get(defaultRole.id)).toBeDefined();
  });
});

describe('role assignments', () => {
  /** Every (user, role) pair the simulator stores, as unified ids, in the users' order. */
  const storedPairs = (keep: (userId: number, roleId: number) => boolean = () => true) =>
    data().users.items.flatMap((user) =>
      user.role_ids.filter((roleId) => keep(user.id, roleId)).map((roleId) => `${user.id}:${roleId}`),
    );
  const pairsOf = (records: Record<string, unknown>[]) =>
    records.map((record) => {
      expect(record['id']).toBe(`${String(record['user_id'])}:${String(record['role_id'])}`);
      return record['id'] as string;
    });

  it.each([3, 50, 100])('at limit %i lists every stored pair exactly once', async (limit) => {
    const { records } = await readAll(h.engine, h.account, { resource: 'role_assignments', limit });
    const ids = pairsOf(records);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(storedPairs());
    // Several users hold several roles, so a page can end inside one user's assignments.
    expect(data().users.items.some((user) => user.role_ids.length >= 3)).toBe(true);
  });

  it('filters by user_id', async () => {
    const user = data().users.items.find((u) => u.role_ids.length >= 2)!;
    const { records } = await readAll(h.engine, h.account, {
      resource: 'role_assignments',
      filters: { user_id: String(user.id) },
    });
    expect(pairsOf(records)).toEqual(storedPairs((userId) => userId === user.id));
  });

  it('filters by role_id, paging the role members across upstream pages', async () => {
    const role = data().roles.items.find((r) => r.name === 'Default')!;
    expect(role.members.length).toBeGreaterThan(100);
    const { records } = await readAll(h.engine, h.account, {
      resource: 'role_assignments',
      limit: 7,
      filters: { role_id: String(role.id) },
    });
    const ids = pairsOf(records);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(role.members.map((userId) => `${userId}:${role.id}`));
  });

  it('filters by role_id and user_id together', async () => {
    const role = data().roles.items.find((r) => r.name === 'Engineering')!;
    const member = role.members[0]!;
    const both = (userId: string) =>
      readAll(h.engine, h.account, {
        resource: 'role_assignments',
        filters: { role_id: String(role.id), user_id: userId },
      });
    expect(pairsOf((await both(String(member))).records)).toEqual([`${member}:${role.id}`]);
    const outsider = data().users.items.find((u) => !u.role_ids.includes(role.id))!;
    expect((await both(String(outsider.id))).records).toEqual([]);
  });

  it('lists nothing for an empty role, and 404 for an unknown one', async () => {
    const empty = data().roles.items.find((r) => r.members.length === 0)!;
    const none = await readAll(h.engine, h.account, {
      resource: 'role_assignments',
      filters: { role_id: String(empty.id) },
    });
    expect(none.records).toEqual([]);
    const error = await switchboardError(
      h.engine.list({ ...on('role_assignments'), filters: { role_id: '1' } }),
    );
    expect(error.code).toBe('SB_ERR_HTTP_UPSTREAM_STATUS');
    expect(remoteStatus(error)).toBe(404);
  });

  it('creates an assignment, visible upstream and in lists, then deletes it', async () => {
    const role = data().roles.items.find((r) => r.name === 'Finance')!;
    const user = data().users.items.find((u) => !u.role_ids.includes(role.id))!;
    const pair = `${user.id}:${role.id}`;
    const listed = async (filters: Record<string, string>) =>
      pairsOf(
        (await readAll(h.engine, h.account, { resource: 'role_assignments', limit: 100, filters })).records,
      );

    const created = await h.engine.create({
      ...on('role_assignments'),
      body: { user_id: String(user.id), role_id: String(role.id) },
    });
    expect(withoutRemote(created.record)).toMatchObject({
      id: pair,
      user_id: String(user.id),
      role_id: String(role.id),
    });
    expect(role.members).toContain(user.id);
    expect(data().users.get(user.id)!.role_ids).toContain(role.id);
    expect(await listed({ role_id: String(role.id) })).toContain(pair);
    expect(await listed({ user_id: String(user.id) })).toContain(pair);

    await h.engine.delete({ ...on('role_assignments'), id: pair });
    expect(role.members).not.toContain(user.id);
    expect(data().users.get(user.id)!.role_ids).not.toContain(role.id);
    expect(await listed({ role_id: String(role.id) })).not.toContain(pair);
    expect(await listed({ user_id: String(user.id) })).not.toContain(pair);
  });

  it('refuses a malformed assignment id without calling OneLogin', async () => {
    const before = h.sim.state.counters.totalCalls;
    const error = await switchboardError(h.engine.delete({ ...on('role_assignments'), id: 'nope' }));
    // The mapping's own $error() on the caller's id: invalid input (a 400 through the API), not a mapping failure.
    expect(error.code).toBe('SB_ERR_RUN_INVALID_INPUT');
    expect(error.message).toContain('<user_id>:<role_id>');
    expect(h.sim.state.counters.totalCalls).toBe(before);
  });
});
