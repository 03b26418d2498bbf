import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRecord } from '../data/records.js';
import { type Harness, startHarness } from '../testing/harness.js';

const SUCCESS = { error: false, code: 200, type: 'success', message: 'Success' };
type V1User = Record<string, unknown> & { id: number };

describe('users v1', () => {
  let h: Harness;
  let users: readonly UserRecord[];
  beforeAll(async () => {
    h = await startHarness({ users: 120, hourlyBudget: 0 });
    users = h.sim.state.data.users.items;
  });
  afterAll(() => h.sim.close());

  const pathOfLink = (link: string) => link.replace(/^https?:\/\/[^/]+/, '');

  it('lists in the envelope with keyset pagination that visits every user once', async () => {
    const seen: number[] = [];
    let url: string | null = '/api/1/users?limit=25';
    let pages = 0;
    while (url !== null) {
      const body: {
        status: unknown;
        data: V1User[];
        pagination: { after_cursor: string | null; next_link: string };
      } = (await h.get(url)).json();
      expect(body.status).toEqual(SUCCESS);
      seen.push(...body.data.map((user: V1User) => user.id));
      pages += 1;
      url = body.pagination.after_cursor === null ? null : pathOfLink(body.pagination.next_link);
    }
    expect(pages).toBe(5);
    expect(seen).toEqual(users.map((user) => user.id));
  });

  it('encodes the cursor as an account/id keyset and pages back with before_cursor', async () => {
    const first = (await h.get('/api/1/users?limit=10')).json();
    expect(first.pagination.before_cursor).toBeNull();
    expect(first.pagination.previous_link).toBeNull();
    expect(Buffer.from(first.pagination.after_cursor, 'base64').toString()).toBe(
      `account_id:::189185--##id:::${users[9]?.id}`,
    );
    const second = (
      await h.get(`/api/1/users?limit=10&after_cursor=${encodeURIComponent(first.pagination.after_cursor)}`)
    ).json();
    expect(second.data[0].id).toBe(users[10]?.id);
    const back = (
      await h.get(
        `/api/1/users?limit=10&before_cursor=${encodeURIComponent(second.pagination.before_cursor)}`,
      )
    ).json();
    expect(back.data.map((user: V1User) => user.id)).toEqual(first.data.map((user: V1User) => user.id));
    expect(back.pagination.before_cursor).toBeNull();
  });

  it('ends with a null cursor and link on the last page', async () => {
    const body = (await h.get('/api/1/users?limit=1000')).json();
    expect(body.data).toHaveLength(120);
    expect(body.pagination).toEqual({
      before_cursor: null,
      after_cursor: null,
      previous_link: null,
      next_link: null,
    });
  });

  it('uses v1 field names and keeps empty strings distinct from null', async () => {
    const body = (await h.get('/api/1/users?limit=1000')).json();
    const sample = body.data.find((user: V1User) => user['username'] === '');
    expect(sample).toBeDefined();
    expect(sample).toHaveProperty('openid_name');
    expect(sample).toHaveProperty('role_id');
    expect(sample).not.toHaveProperty('role_ids');
    const noRoles = body.data.find((user: V1User) => user['role_id'] === null);
    expect(noRoles).toBeDefined();
    expect(body.data[0].distinguished_name).toBeNull();
    expect(typeof body.data[0].company).toBe('string');
  });

  it.each([
    ['email=*@example.org', (u: UserRecord) => u.email?.endsWith('@example.org') === true],
    ['firstname=Ann', (u: UserRecord) => u.firstname === 'Ann'],
    ['directory_id=100', (u: UserRecord) => u.directory_id === 100],
  ])('filters by %s', async (query, predicate) => {
    const body = (await h.get(`/api/1/users?limit=1000&${query}`)).json();
    expect(body.data.map((user: V1User) => user.id)).toEqual(users.filter(predicate).map((user) => user.id));
  });

  it('filters by since/until on created_at', async () => {
    const since = new Date((users[40] as UserRecord).created_at).toISOString();
    const until = new Date((users[60] as UserRecord).created_at).toISOString();
    const body = (await h.get(`/api/1/users?limit=1000&since=${since}&until=${until}`)).json();
    const expected = users.filter(
      (u) => u.created_at >= Date.parse(since) && u.created_at <= Date.parse(until),
    );
    expect(body.data.map((user: V1User) => user.id)).toEqual(expected.map((user) => user.id));
  });

  it('gets one user as an array of one', async () => {
    const id = users[0]?.id;
    const body = (await h.get(`/api/1/users/${id}`)).json();
    expect(body.status).toEqual(SUCCESS);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ id, username: 'ann.lee' });
  });

  it('answers bad and unknown ids with the documented errors', async () => {
    const bad = await h.get('/api/1/users/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      status: {
        error: true,
        code: 400,
        type: 'bad request',
        message: { attribute: 'id', description: 'ID is incorrect' },
      },
    });
    const missing = await h.get('/api/1/users/8888888');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      status: { error: true, code: 404, type: 'not found', message: 'User for id 8888888 was not found' },
    });
  });

  it('returns roles and custom attribute names as an array inside an array', async () => {
    const user = users[0] as UserRecord;
    expect((await h.get(`/api/1/users/${user.id}/roles`)).json().data).toEqual([user.role_ids]);
    const roleless = users.find((u) => u.role_ids.length === 0) as UserRecord;
    expect((await h.get(`/api/1/users/${roleless.id}/roles`)).json().data).toEqual([[]]);
    expect((await h.get('/api/1/users/custom_attributes')).json().data).toEqual([
      ['employee_number', 'cost_center', 'food'],
    ]);
    expect((await h.get(`/api/1/users/${user.id}/apps`)).json().data).toEqual([[]]);
  });

  describe('writes', () => {
    it('creates with 200 and an array of one; refuses unknown attributes', async () => {
      const created = await h.send('POST', '/api/1/users', {
        firstname: 'Lady',
        lastname: 'GoGo',
        email: 'lady@gogo.com',
        notes: 'hi',
      });
      expect(created.statusCode).toBe(200);
      expect(created.json().data[0]).toMatchObject({
        email: 'lady@gogo.com',
        comment: 'hi',
        openid_name: 'lady',
        role_id: null,
      });
      const unknown = await h.send('POST', '/api/1/users', {
        firstname: 'A',
        lastname: 'B',
        email: 'ab@x.com',
        last: 'x',
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().status.message).toEqual({
        attribute: 'last',
        description: 'last is not a valid attribute for user model',
      });
      const blank = await h.send('POST', '/api/1/users', { lastname: 'B', email: 'ab@x.com' });
      expect(blank.json().status.message).toEqual({
        attribute: 'firstname',
        description: "firstname can't be blank",
      });
    });

    it('updates (group_id null removes the group) and deletes with a status-only envelope', async () => {
      const user = users.find((u) => u.group_id !== null) as UserRecord;
      const updated = await h.send('PUT', `/api/1/users/${user.id}`, { group_id: null, title: 'Moved' });
      expect(updated.json().data[0]).toMatchObject({ group_id: null, title: 'Moved' });
      const created = (
        await h.send('POST', '/api/1/users', { firstname: 'T', lastname: 'D', username: 'to.delete' })
      ).json();
      const deleted = await h.send('DELETE', `/api/1/users/${created.data[0].id}`);
      expect(deleted.json()).toEqual({ status: SUCCESS });
    });

    it('adds and removes roles with the documented errors', async () => {
      const user = users.find((u) => u.role_ids.length === 0) as UserRecord;
      const roles = h.sim.state.data.roles.items;
      const ids = [roles[1]?.id, roles[2]?.id];
      const url = `/api/1/users/${user.id}/add_roles`;
      expect((await h.send('PUT', url, { role_id_array: ids })).json()).toEqual({ status: SUCCESS });
      expect((await h.get(`/api/1/users/${user.id}/roles`)).json().data).toEqual([ids]);
      const again = await h.send('PUT', url, { role_id_array: ids });
      expect(again.json().status.message).toBe('input role_id_array is already included as user roles');
      expect((await h.send('PUT', url, { role_id_array: [] })).json().status.message).toBe(
        'role_id_array is empty',
      );
      expect((await h.send('PUT', url, { role_id_array: 'x' })).json().status.message).toEqual({
        attribute: 'role_id_array',
        description: 'role_id_array has incorrect data type. It should be -> array',
      });
      expect((await h.send('PUT', url, { role_id_array: [1] })).json().status.message).toMatch(
        /^role_id_array should be a subset of -> \[/,
      );
      const remove = `/api/1/users/${user.id}/remove_roles`;
      expect((await h.send('PUT', remove, { role_id_array: ids })).json()).toEqual({ status: SUCCESS });
      expect((await h.send('PUT', remove, { role_id_array: ids })).json().status.message).toBe(
        'input role_id_array is not included as user roles',
      );
    });

    it('locks, sets state, sets passwords and custom attributes, logs out', async () => {
      const user = users.find((u) => u.status === 1 && u.state === 1) as UserRecord;
      const base = `/api/1/users/${user.id}`;
      expect((await h.send('PUT', `${base}/lock_user`, { locked_until: 15 })).json()).toEqual({
        status: SUCCESS,
      });
      expect((await h.get(base)).json().data[0].status).toBe(3);
      expect((await h.send('PUT', `${base}/lock_user`, { locked_until: 'soon' })).json().status.message).toBe(
        'locked_until should be -> integer',
      );
      expect((await h.send('PUT', `${base}/set_state`, { state: 1 })).json().status.message).toBe(
        'user is already in this state',
      );
      expect((await h.send('PUT', `${base}/set_state`, { state: 9 })).json().status.message).toBe(
        'state is invalid',
      );
      expect((await h.send('PUT', `${base}/set_state`, { state: 3 })).json()).toEqual({ status: SUCCESS });
      const password = `/api/1/users/set_password_clear_text/${user.id}`;
      expect(
        (await h.send('PUT', password, { password: 'x1!', password_confirmation: 'x1!' })).json(),
      ).toEqual({ status: SUCCESS });
      expect(
        (await h.send('PUT', password, { password: 'x1!', password_confirmation: 'no' })).statusCode,
      ).toBe(400);
      const attributes = `${base}/set_custom_attributes`;
      expect((await h.send('PUT', attributes, { custom_attributes: { food: 'soup' } })).json()).toEqual({
        status: SUCCESS,
      });
      expect((await h.get(base)).json().data[0].custom_attributes.food).toBe('soup');
      expect((await h.send('PUT', attributes, { custom_attributes: { shoe: '9' } })).statusCode).toBe(400);
      expect((await h.send('PUT', `${base}/logout`)).json()).toEqual({ status: SUCCESS });
    });

    it('answers malformed JSON with "Input JSON is not valid"', async () => {
      const response = await h.sim.app.inject({
        method: 'PUT',
        url: `/api/1/users/${users[0]?.id}/lock_user`,
        headers: { authorization: `bearer:${h.token}`, 'content-type': 'application/json' },
        payload: '{"locked_until":',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().status.message).toBe('Input JSON is not valid');
    });
  });
});
