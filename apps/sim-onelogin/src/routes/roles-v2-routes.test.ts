import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleRecord } from '../data/records.js';
import { type Harness, startHarness } from '../testing/harness.js';

describe('roles', () => {
  let h: Harness;
  let roles: readonly RoleRecord[];
  beforeAll(async () => {
    h = await startHarness({ users: 150, hourlyBudget: 0 });
    roles = h.sim.state.data.roles.items;
  });
  afterAll(() => h.sim.close());

  describe('v2', () => {
    it('lists bare roles with pagination headers and a name filter', async () => {
      const all = await h.get('/api/2/roles');
      expect(all.json()).toHaveLength(12);
      expect(all.json()[0]).toEqual({ id: roles[0]?.id, name: 'Default' });
      expect(all.headers).toMatchObject({ 'total-count': '12', 'current-page': '1' });
      const filtered = (await h.get('/api/2/roles?name=AWS-*')).json();
      expect(filtered.map((role: RoleRecord) => role.name)).toEqual(['AWS-us', 'AWS-eu']);
      const withUsers = (await h.get('/api/2/roles?name=Unused Role&fields=users,apps,admins')).json();
      expect(withUsers).toEqual([
        { id: roles[11]?.id, name: 'Unused Role', apps: [], users: [], admins: [] },
      ]);
    });

    it('creates (201 {id}), renames (200 {id}), deletes (204)', async () => {
      const created = await h.send('POST', '/api/2/roles', {
        name: 'New Role',
        users: [roles[0]?.members[0]],
      });
      expect(created.statusCode).toBe(201);
      const { id } = created.json();
      expect(created.json()).toEqual({ id });
      expect((await h.get(`/api/2/roles/${id}`)).json()).toEqual({ id, name: 'New Role' });
      const renamed = await h.send('PUT', `/api/2/roles/${id}`, { name: 'Renamed' });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toEqual({ id });
      expect((await h.send('DELETE', `/api/2/roles/${id}`)).statusCode).toBe(204);
      expect((await h.get(`/api/2/roles/${id}`)).statusCode).toBe(404);
    });

    it('answers 400, 403, 404 and 422 in the v2 shape', async () => {
      expect((await h.send('POST', '/api/2/roles', { name: 'x', colour: 'red' })).json()).toEqual({
        message: 'unknown attribute: colour',
        name: 'BadRequestError',
        statusCode: 400,
      });
      expect((await h.send('POST', '/api/2/roles', {})).json()).toMatchObject({
        statusCode: 422,
        name: 'UnprocessableEntityError',
      });
      expect((await h.send('DELETE', `/api/2/roles/${roles[0]?.id}`)).json()).toEqual({
        message: 'Not allowed to destroy specified resource',
        name: 'ForbiddenError',
        statusCode: 403,
      });
      expect((await h.get('/api/2/roles/1')).json()).toMatchObject({
        name: 'NotFoundError',
        statusCode: 404,
      });
    });

    describe('membership', () => {
      const role = () => roles[10] as RoleRecord;

      it('pages members with the documented item shape', async () => {
        const members = role().members;
        const first = await h.get(`/api/2/roles/${role().id}/users?limit=5`);
        expect(first.headers['total-count']).toBe(String(members.length));
        const [item] = first.json();
        expect(item).toMatchObject({
          id: members[0],
          assigned: true,
          added_by: { id: h.sim.state.data.ownerId },
        });
        expect(Object.keys(item)).toEqual([
          'id',
          'name',
          'username',
          'email',
          'added_by',
          'added_at',
          'assigned',
        ]);
      });

      it('adds a raw array (200 [{id}]) and removes one (204)', async () => {
        const outsiders = h.sim.state.data.users.items
          .filter((user) => !user.role_ids.includes(role().id))
          .slice(0, 2)
          .map((user) => user.id);
        const added = await h.send('POST', `/api/2/roles/${role().id}/users`, outsiders);
        expect(added.statusCode).toBe(200);
        expect(added.json()).toEqual(outsiders.map((id) => ({ id })));
        const user = (await h.get(`/api/2/users/${outsiders[0]}`)).json();
        expect(user.role_ids).toContain(role().id);
        const removed = await h.send('DELETE', `/api/2/roles/${role().id}/users`, outsiders);
        expect(removed.statusCode).toBe(204);
        expect((await h.get(`/api/2/users/${outsiders[0]}`)).json().role_ids).not.toContain(role().id);
      });

      it('refuses an object body with "Expected array in request"', async () => {
        for (const method of ['POST', 'DELETE'] as const) {
          const response = await h.send(method, `/api/2/roles/${role().id}/users`, { user_id: [1] });
          expect(response.statusCode).toBe(400);
          expect(response.json()).toEqual({
            message: 'Expected array in request',
            name: 'BadRequestError',
            statusCode: 400,
          });
        }
      });

      it('refuses unknown user ids with 422', async () => {
        const response = await h.send('POST', `/api/2/roles/${role().id}/users`, [1]);
        expect(response.statusCode).toBe(422);
      });

      it('manages admins with the same shapes', async () => {
        const id = h.sim.state.data.users.items[3]?.id;
        expect((await h.send('POST', `/api/2/roles/${role().id}/admins`, [id])).json()).toEqual([{ id }]);
        expect(
          (await h.get(`/api/2/roles/${role().id}/admins`)).json().map((a: { id: number }) => a.id),
        ).toEqual([id]);
        expect((await h.send('DELETE', `/api/2/roles/${role().id}/admins`, [id])).statusCode).toBe(204);
      });
    });
  });

  describe('v1', () => {
    it('lists and gets roles in the envelope', async () => {
      const list = (await h.get('/api/1/roles')).json();
      expect(list.data[0]).toEqual({ id: roles[0]?.id, name: 'Default' });
      expect(list.pagination.after_cursor).toBeNull();
      expect((await h.get(`/api/1/roles/${roles[1]?.id}`)).json().data).toEqual([
        { id: roles[1]?.id, name: 'Employee' },
      ]);
      expect((await h.get('/api/1/roles/9999999999')).json().status.message).toBe(
        'Role for id 9999999999 was not found',
      );
    });
  });
});
