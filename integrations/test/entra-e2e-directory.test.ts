/**
 * End to end: unified groups, roles and role assignments through the real engine, `entra.yaml` and the Entra
 * simulator; expectations from the simulator's stored tenant.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type EntraHarness,
  idsOf,
  MODEL,
  readAll,
  remoteStatus,
  startEntra,
  switchboardError,
} from './support/entra-sim.js';

// Whole listings at small limits make hundreds of calls on a shared machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let h: EntraHarness;
beforeAll(async () => {
  h = await startEntra({ users: 150, seed: 11 });
});
afterAll(async () => {
  await h?.close();
});

const tenant = () => h.sim.state.tenant;
const on = (resource: string) => ({ integration: 'entra', account: h.account, model: MODEL, resource });
const withoutRemote = ({ remote_data: _, ...rest }: Record<string, unknown>) => rest;
/** §8.6: only assignments whose principal is a user, scoped ones included. */
const userAssignments = () =>
  tenant().roleAssignments.items.filter(
    (assignment) => tenant().users.get(assignment.principalId) !== undefined,
  );

describe('groups (§8.4)', () => {
  it.each([1, 3, 50])('lists every group exactly once at limit %i, each type as `group`', async (limit) => {
    const { records } = await readAll(h.engine, h.account, { resource: 'groups', limit });
    expect(idsOf(records)).toEqual(tenant().groups.items.map((group) => group.id));
    for (const record of records) {
      const group = tenant().groups.get(record['id'] as string)!;
      expect(withoutRemote(record)).toEqual({
        id: group.id,
        name: group.displayName,
        ...(group.description ? { description: group.description } : {}),
        type: 'group',
        created_at: group.createdDateTime,
      });
      expect(record['remote_data']).toMatchObject({
        groupTypes: group.groupTypes,
        securityEnabled: group.securityEnabled,
      });
    }
  });

  it('gets one group and answers 404 for an unknown one', async () => {
    const group = tenant().groups.items[2]!;
    expect((await h.engine.get({ ...on('groups'), id: group.id })).record).toMatchObject({
      id: group.id,
      name: group.displayName,
    });
    const error = await switchboardError(
      h.engine.get({ ...on('groups'), id: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(remoteStatus(error)).toBe(404);
  });
});

describe('roles (§8.5)', () => {
  it('lists built-in and custom role definitions, built-in ids being the template ids', async () => {
    const { records } = await readAll(h.engine, h.account, { resource: 'roles', limit: 7 });
    expect(idsOf(records)).toEqual(tenant().roleDefinitions.items.map((role) => role.id));
    expect(records.find((r) => r['id'] === '62e90394-69f5-4237-9190-012177145e10')).toMatchObject({
      name: 'Global Administrator',
      remote_data: { isBuiltIn: true, templateId: '62e90394-69f5-4237-9190-012177145e10' },
    });
    expect(records.some((r) => (r['remote_data'] as { isBuiltIn: boolean }).isBuiltIn === false)).toBe(true);
  });
});

describe('role assignments (§8.6)', () => {
  it.each([1, 7, 100])(
    'lists the user assignments exactly once at limit %i, leaving group and app principals out',
    async (limit) => {
      const { records } = await readAll(h.engine, h.account, { resource: 'role_assignments', limit });
      expect(records.map(withoutRemote)).toEqual(
        userAssignments().map((a) => ({ id: a.id, user_id: a.principalId, role_id: a.roleDefinitionId })),
      );
      // The seed holds a group principal, a service principal and a scoped user assignment.
      expect(userAssignments().length).toBeLessThan(tenant().roleAssignments.size);
      expect(
        records.some((r) => (r['remote_data'] as { directoryScopeId: string }).directoryScopeId !== '/'),
      ).toBe(true);
    },
  );

  it('filters by user_id and by role_id', async () => {
    const sample = userAssignments()[0]!;
    const byUser = await readAll(h.engine, h.account, {
      resource: 'role_assignments',
      limit: 50,
      filters: { user_id: sample.principalId },
    });
    expect(idsOf(byUser.records)).toEqual(
      userAssignments()
        .filter((a) => a.principalId === sample.principalId)
        .map((a) => a.id),
    );
    const byRole = await readAll(h.engine, h.account, {
      resource: 'role_assignments',
      limit: 50,
      filters: { role_id: sample.roleDefinitionId },
    });
    expect(idsOf(byRole.records)).toEqual(
      userAssignments()
        .filter((a) => a.roleDefinitionId === sample.roleDefinitionId)
        .map((a) => a.id),
    );
  });

  it('creates (tenant-wide scope, the id Graph returns) and deletes an assignment', async () => {
    const user = tenant().users.items.find(
      (u) => !tenant().roleAssignments.items.some((a) => a.principalId === u.id),
    )!;
    const role = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
    const { record } = await h.engine.create({
      ...on('role_assignments'),
      body: { user_id: user.id, role_id: role },
    });
    const stored = tenant().roleAssignments.items.find((a) => a.principalId === user.id)!;
    expect(stored).toMatchObject({ roleDefinitionId: role, directoryScopeId: '/' });
    expect(withoutRemote(record)).toEqual({ id: stored.id, user_id: user.id, role_id: role });

    await h.engine.delete({ ...on('role_assignments'), id: stored.id });
    expect(tenant().roleAssignments.get(stored.id)).toBeUndefined();
    const again = await switchboardError(h.engine.delete({ ...on('role_assignments'), id: stored.id }));
    expect(remoteStatus(again)).toBe(404);
  });
});
