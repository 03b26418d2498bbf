import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRecord } from '../data/records.js';
import { type Harness, startHarness } from '../testing/harness.js';

type V2User = Record<string, unknown> & { id: number };

describe('users v2', () => {
  let h: Harness;
  let users: readonly UserRecord[];
  beforeAll(async () => {
    h = await startHarness({ users: 237, hourlyBudget: 0 });
    users = h.sim.state.data.users.items;
  });
  afterAll(() => h.sim.close());

  const listAll = async (first: string): Promise<V2User[]> => {
    const seen: V2User[] = [];
    let url: string | undefined = first;
    while (url !== undefined) {
      const response = await h.get(url);
      expect(response.statusCode).toBe(200);
      seen.push(...response.json<V2User[]>());
      // Clients repeat the original query (filters included) and add the cursor.
      const cursor = response.headers['after-cursor'];
      url = typeof cursor === 'string' ? `${first}&cursor=${encodeURIComponent(cursor)}` : undefined;
    }
    return seen;
  };

  describe('list', () => {
    it('reads every user exactly once by following After-Cursor', async () => {
      const seen = await listAll('/api/2/users?limit=50');
      expect(seen.map((user) => user.id)).toEqual(users.map((user) => user.id));
    });

    it('describes each page in headers', async () => {
      const first = await h.get('/api/2/users?limit=100');
      expect(first.headers).toMatchObject({
        'total-count': '237',
        'total-pages': '3',
        'current-page': '1',
        'page-items': '100',
        'after-cursor': Buffer.from('limit=100&page=2').toString('base64'),
      });
      expect(first.headers).not.toHaveProperty('before-cursor');
      const last = await h.get('/api/2/users?limit=100&page=3');
      expect(last.headers).toMatchObject({ 'current-page': '3', 'page-items': '37' });
      expect(last.headers['before-cursor']).toBe(Buffer.from('limit=100&page=2').toString('base64'));
      expect(last.headers).not.toHaveProperty('after-cursor');
      expect(last.headers.link).toContain('rel="prev"');
    });

    it('returns 50 users by default and caps limit at 100', async () => {
      expect((await h.get('/api/2/users')).json()).toHaveLength(50);
      expect((await h.get('/api/2/users?limit=5000')).json()).toHaveLength(100);
    });

    it('returns the v2 user shape', async () => {
      const [user] = (await h.get('/api/2/users?limit=1')).json<V2User[]>();
      expect(user).toHaveProperty('role_ids');
      expect(user).not.toHaveProperty('role_id');
      expect(user).not.toHaveProperty('openid_name');
      expect(user?.['created_at']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    });

    const expectFilter = async (query: string, predicate: (user: UserRecord) => boolean) => {
      const seen = await listAll(`/api/2/users?limit=100&${query}`);
      const expected = users.filter(predicate).map((user) => user.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(seen.map((user) => user.id)).toEqual(expected);
    };

    it.each([
      ['email=*@example.org', (u: UserRecord) => u.email?.endsWith('@example.org') === true],
      ['username=ann.lee', (u: UserRecord) => u.username === 'ann.lee'],
      ['firstname=zo*', (u: UserRecord) => u.firstname.toLowerCase().startsWith('zo')],
      ['lastname=Lee', (u: UserRecord) => u.lastname === 'Lee'],
      ['external_id=ext-00001*', (u: UserRecord) => u.external_id?.startsWith('ext-00001') === true],
      ['directory_id=100', (u: UserRecord) => u.directory_id === 100],
      ['custom_attributes.food=tofu', (u: UserRecord) => u.custom_attributes['food'] === 'tofu'],
    ])('filters by %s', async (query, predicate) => {
      await expectFilter(query, predicate);
    });

    it('filters by user_ids, group_id and role_ids', async () => {
      const some = users.slice(3, 6).map((user) => user.id);
      await expectFilter(`user_ids=${some.join(',')}`, (user) => some.includes(user.id));
      const groupId = users[0]?.group_id as number;
      await expectFilter(`group_id=${groupId}`, (user) => user.group_id === groupId);
      const roleId = h.sim.state.data.roles.items[3]?.id as number;
      await expectFilter(`role_ids=${roleId}`, (user) => user.role_ids.includes(roleId));
    });

    it('filters by created, updated and last-login windows', async () => {
      const middle = users[100] as UserRecord;
      const at = new Date(middle.created_at).toISOString();
      await expectFilter(`created_since=${at}`, (user) => user.created_at >= middle.created_at);
      await expectFilter(`created_until=${at}`, (user) => user.created_at <= middle.created_at);
      const week = new Date(Date.now() - 7 * 86_400_000).toISOString();
      await expectFilter(`updated_since=${week}`, (user) => user.updated_at >= Date.parse(week));
      await expectFilter(
        `last_login_since=${week}`,
        (user) => user.last_login !== null && user.last_login >= Date.parse(week),
      );
    });

    it('sorts by identity fields and refuses others with UnprocessableEntityFieldError', async () => {
      const sorted = (await h.get('/api/2/users?sort=-id&limit=3')).json<V2User[]>();
      expect(sorted.map((user) => user.id)).toEqual(
        users
          .slice(-3)
          .map((user) => user.id)
          .reverse(),
      );
      const refused = await h.get('/api/2/users?sort=created_at');
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toEqual({
        message: 'Invalid sort field: created_at',
        field: 'created_at',
        name: 'UnprocessableEntityFieldError',
        statusCode: 422,
      });
    });

    it('projects fields, always keeping id', async () => {
      const [user] = (await h.get('/api/2/users?limit=1&fields=email,status')).json<V2User[]>();
      expect(Object.keys(user ?? {}).sort()).toEqual(['email', 'id', 'status']);
    });

    it('answers a malformed filter with 400', async () => {
      const response = await h.get('/api/2/users?created_since=yesterday');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ name: 'BadRequestError', statusCode: 400 });
    });
  });

  describe('get', () => {
    it('returns a bare user', async () => {
      const id = users[0]?.id;
      const response = await h.get(`/api/2/users/${id}`);
      expect(response.json()).toMatchObject({ id, username: 'ann.lee', firstname: 'Ann', lastname: 'Lee' });
    });

    it.each(['999', 'abc'])('answers NotFoundError for id %s', async (id) => {
      const response = await h.get(`/api/2/users/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        message: 'The resource with the given id could not be found',
        name: 'NotFoundError',
        statusCode: 404,
      });
    });
  });

  describe('writes', () => {
    it('creates a user without a password as status 7, with one as status 1', async () => {
      const pending = await h.send('POST', '/api/2/users', {
        username: 'new.one',
        email: 'new.one@example.com',
        firstname: 'New',
      });
      expect(pending.statusCode).toBe(201);
      expect(pending.json()).toMatchObject({
        username: 'new.one',
        status: 7,
        state: 1,
        role_ids: [],
        invitation_sent_at: null,
      });
      const active = await h.send('POST', '/api/2/users', {
        email: 'active@example.com',
        password: 'Secr3t!pass',
        password_confirmation: 'Secr3t!pass',
        role_ids: [h.sim.state.data.roles.items[1]?.id],
      });
      expect(active.json()).toMatchObject({ status: 1, role_ids: [h.sim.state.data.roles.items[1]?.id] });
      expect(active.body).not.toContain('Secr3t');
    });

    it.each([
      [
        { username: 'ann.lee', email: 'x1@example.com' },
        'Validation failed: Username must be unique within sim',
      ],
      [
        { username: 'x2', email: 'ANN.LEE@example.com' },
        'Validation failed: Email must be unique within sim',
      ],
    ])('refuses a duplicate with 422 (%j)', async (body, message) => {
      const response = await h.send('POST', '/api/2/users', body);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toEqual({ message, name: 'UnprocessableEntityError', statusCode: 422 });
    });

    it('refuses unknown attributes with 400', async () => {
      const response = await h.send('POST', '/api/2/users', { email: 'y@example.com', employee_number: '7' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        message: 'unknown attribute: employee_number',
        name: 'BadRequestError',
        statusCode: 400,
      });
    });

    it('updates partially and returns the full user', async () => {
      const user = users[30] as UserRecord;
      const roleId = h.sim.state.data.roles.items[2]?.id as number;
      const response = await h.send('PUT', `/api/2/users/${user.id}`, {
        group_id: null,
        role_ids: [roleId],
        status: 2,
        custom_attributes: { food: 'ramen' },
        title: 'Chief Tester',
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({
        id: user.id,
        group_id: null,
        role_ids: [roleId],
        status: 2,
        title: 'Chief Tester',
      });
      expect(body.custom_attributes).toMatchObject({ food: 'ramen' });
      expect(body.email).toBe(user.email);
      expect(h.sim.state.data.roles.get(roleId)?.members).toContain(user.id);
    });

    it('activates a password-pending user when a password is set', async () => {
      const created = (await h.send('POST', '/api/2/users', { email: 'pending@example.com' })).json();
      const updated = await h.send('PUT', `/api/2/users/${created.id}`, {
        password: 'p4ss!word',
        password_confirmation: 'p4ss!word',
      });
      expect(updated.json()).toMatchObject({ status: 1 });
      expect(updated.json().password_changed_at).not.toBeNull();
      const mismatch = await h.send('PUT', `/api/2/users/${created.id}`, {
        password: 'a',
        password_confirmation: 'b',
      });
      expect(mismatch.statusCode).toBe(422);
    });

    it('refuses state 3 outside Set User State and unknown groups', async () => {
      const id = users[31]?.id;
      expect((await h.send('PUT', `/api/2/users/${id}`, { state: 3 })).statusCode).toBe(422);
      expect((await h.send('PUT', `/api/2/users/${id}`, { group_id: 1 })).statusCode).toBe(422);
    });

    it('deletes with 204, after which the user is gone', async () => {
      const created = (await h.send('POST', '/api/2/users', { email: 'gone@example.com' })).json();
      const response = await h.send('DELETE', `/api/2/users/${created.id}`);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      expect((await h.get(`/api/2/users/${created.id}`)).statusCode).toBe(404);
    });

    it('unlocks a locked user', async () => {
      const locked = users.find((user) => user.status === 3) as UserRecord;
      const response = await h.send('POST', `/api/2/users/${locked.id}/unlock`);
      expect(response.json()).toEqual({ messsage: 'User unlocked' });
      expect((await h.get(`/api/2/users/${locked.id}`)).json()).toMatchObject({
        status: 1,
        locked_until: null,
      });
      const again = await h.send('POST', `/api/2/users/${locked.id}/unlock`);
      expect(again.statusCode).toBe(422);
      expect(again.json()).toEqual({ message: 'User cannot be unlocked' });
      const withBody = await h.send('POST', `/api/2/users/${locked.id}/unlock`, { user_id: 1 });
      expect(withBody.json()).toMatchObject({ message: 'unknown attribute: user_id', statusCode: 400 });
    });
  });
});
