import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

describe('groups and members', () => {
  let h: Harness;
  afterEach(() => h.sim.close());
  const groups = () => h.sim.state.data.groups.items;

  it('lists groups of every type, filters by type, pages members', async () => {
    h = await startHarness({ users: 40 });
    const all = await h.get('/api/v1/groups');
    expect(all.json().map((g: { type: string }) => g.type)).toEqual(groups().map((g) => g.type));
    const okta = await h.get(`/api/v1/groups?filter=${encodeURIComponent('type eq "OKTA_GROUP"')}`);
    expect(okta.json().every((g: { type: string }) => g.type === 'OKTA_GROUP')).toBe(true);
    const everyone = groups()[0]!;
    const page = await h.get(`/api/v1/groups/${everyone.id}/users?limit=30`);
    expect(page.json()).toHaveLength(30);
    expect(page.headers.link).toHaveLength(2);
  });

  it('changes OKTA_GROUP memberships only; lists a user’s groups', async () => {
    h = await startHarness({ users: 10 });
    const user = h.sim.state.data.users.items[3]!;
    const empty = groups().find((g) => g.profile.name === 'Empty Group')!;
    expect((await h.send('PUT', `/api/v1/groups/${empty.id}/users/${user.id}`)).statusCode).toBe(204);
    const mine = (await h.get(`/api/v1/users/${user.id}/groups`)).json();
    expect(mine.map((g: { id: string }) => g.id)).toContain(empty.id);
    expect((await h.send('DELETE', `/api/v1/groups/${empty.id}/users/${user.id}`)).statusCode).toBe(204);
    const builtIn = groups().find((g) => g.type === 'BUILT_IN')!;
    const refused = await h.send('DELETE', `/api/v1/groups/${builtIn.id}/users/${user.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errorCode).toBe('E0000006');
  });
});

describe('admin role assignments', () => {
  let h: Harness;
  afterEach(() => h.sim.close());

  it('assigns (201), refuses a duplicate (409 E0000090), lists and unassigns (204)', async () => {
    h = await startHarness({ users: 10 });
    const user = h.sim.state.data.users.items[4]!;
    const created = await h.send('POST', `/api/v1/users/${user.id}/roles`, { type: 'HELP_DESK_ADMIN' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      type: 'HELP_DESK_ADMIN',
      label: 'Help Desk administrator',
      assignmentType: 'USER',
    });
    const duplicate = await h.send('POST', `/api/v1/users/${user.id}/roles`, { type: 'HELP_DESK_ADMIN' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errorCode).toBe('E0000090');
    expect((await h.send('POST', `/api/v1/users/${user.id}/roles`, { type: 'NOPE' })).statusCode).toBe(400);
    const listed = (await h.get(`/api/v1/users/${user.id}/roles`)).json();
    expect(listed.map((r: { id: string }) => r.id)).toContain(created.json().id);
    expect((await h.send('DELETE', `/api/v1/users/${user.id}/roles/${created.json().id}`)).statusCode).toBe(
      204,
    );
    expect((await h.send('DELETE', `/api/v1/users/${user.id}/roles/${created.json().id}`)).statusCode).toBe(
      404,
    );
  });
});
