import { afterEach, describe, expect, it } from 'vitest';
import type { UserRecord } from '../data/records.js';
import { type Harness, startHarness } from '../testing/harness.js';

const q = (text: string) => encodeURIComponent(text);

/** Every user the listing yields, following `rel="next"` links as a client would. */
async function listAll(
  h: Harness,
  url: string,
): Promise<{ users: { id: string; status: string }[]; pages: number }> {
  const users: { id: string; status: string }[] = [];
  let next: string | undefined = url;
  let pages = 0;
  while (next !== undefined) {
    const response = await h.get(next);
    expect(response.statusCode).toBe(200);
    users.push(...response.json());
    pages += 1;
    const links = [response.headers.link ?? []].flat() as string[];
    const nextLink = links.find((link) => link.endsWith('rel="next"'));
    const url = nextLink === undefined ? undefined : new URL(/<([^>]+)>/.exec(nextLink)?.[1] ?? '');
    next = url === undefined ? undefined : url.pathname + url.search;
  }
  return { users, pages };
}

describe('users', () => {
  let h: Harness;
  afterEach(() => h.sim.close());
  const stored = (): UserRecord[] => [...h.sim.state.data.users.items];

  it('lists every user but DEPROVISIONED ones through Link headers, limit echoed', async () => {
    h = await startHarness({ users: 45 });
    const first = await h.get('/api/v1/users?limit=20');
    expect(first.headers.link).toEqual([
      '<http://localhost:80/api/v1/users?limit=20>; rel="self"',
      `<http://localhost:80/api/v1/users?after=${first.json()[19].id}&limit=20>; rel="next"`,
    ]);
    const { users, pages } = await listAll(h, '/api/v1/users?limit=20');
    const visible = stored().filter((user) => user.status !== 'DEPROVISIONED');
    expect(users.map((user) => user.id)).toEqual(visible.map((user) => user.id));
    expect(pages).toBe(Math.ceil(visible.length / 20));
    expect(visible.length).toBeLessThan(45);
  });

  it('writes the org URL into _links when pinned; paging links keep the address the client used', async () => {
    h = await startHarness({ users: 5, orgUrl: 'https://acme.okta.com' });
    const page = await h.get('/api/v1/users?limit=1');
    expect(page.json()[0]._links.self.href).toBe(`https://acme.okta.com/api/v1/users/${page.json()[0].id}`);
    expect(page.headers.link?.[0]).toBe('<http://localhost:80/api/v1/users?limit=1>; rel="self"');
  });

  it('defaults to 200 per page and never serves more', async () => {
    h = await startHarness({ users: 230 });
    expect((await h.get('/api/v1/users')).json()).toHaveLength(200);
    expect((await h.get('/api/v1/users?limit=500')).json()).toHaveLength(200);
  });

  it('includes DEPROVISIONED users in filter and search results', async () => {
    h = await startHarness({ users: 30 });
    const every = [
      'STAGED',
      'PROVISIONED',
      'ACTIVE',
      'RECOVERY',
      'PASSWORD_EXPIRED',
      'LOCKED_OUT',
      'SUSPENDED',
      'DEPROVISIONED',
    ]
      .map((status) => `status eq "${status}"`)
      .join(' or ');
    const { users } = await listAll(h, `/api/v1/users?limit=7&filter=${q(every)}`);
    expect(users.map((user) => user.id)).toEqual(stored().map((user) => user.id));
    const deprovisioned = await h.get(`/api/v1/users?search=${q('status eq "DEPROVISIONED"')}`);
    expect(deprovisioned.json().length).toBe(
      stored().filter((user) => user.status === 'DEPROVISIONED').length,
    );
  });

  it('applies filter case-sensitively and search case-insensitively', async () => {
    h = await startHarness({ users: 20 });
    const login = String(stored()[5]?.profile['login']);
    expect((await h.get(`/api/v1/users?filter=${q(`profile.login eq "${login}"`)}`)).json()).toHaveLength(1);
    expect(
      (await h.get(`/api/v1/users?filter=${q(`profile.login eq "${login.toUpperCase()}"`)}`)).json(),
    ).toHaveLength(0);
    expect(
      (await h.get(`/api/v1/users?search=${q(`profile.login eq "${login.toUpperCase()}"`)}`)).json(),
    ).toHaveLength(1);
    const since = new Date(stored()[10]!.lastUpdated).toISOString();
    const newer = (await h.get(`/api/v1/users?filter=${q(`lastUpdated ge "${since}"`)}`)).json();
    expect(newer.map((user: { id: string }) => user.id)).toEqual(
      stored()
        .filter((user) => user.lastUpdated >= stored()[10]!.lastUpdated)
        .map((user) => user.id),
    );
  });

  it.each([
    ['filter', 'profile.department eq "Sales"', 'E0000031'],
    ['filter', 'status ne "ACTIVE"', 'E0000031'],
    ['filter', 'status eq "ACTIVE" and', 'E0000031'],
    ['search', 'profile.department co "Sa"', 'E0000031'],
  ])('refuses %s %s with %s', async (param, expression, code) => {
    h = await startHarness({ users: 5 });
    const response = await h.get(`/api/v1/users?${param}=${q(expression)}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      errorCode: code,
      errorSummary: 'Invalid search criteria.',
      errorLink: code,
    });
  });

  it('refuses search and filter together', async () => {
    h = await startHarness({ users: 5 });
    const response = await h.get(
      `/api/v1/users?search=${q('status eq "ACTIVE"')}&filter=${q('status eq "ACTIVE"')}`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errorCode).toBe('E0000033');
  });

  it('gets a user by id or login, 404 E0000007 otherwise', async () => {
    h = await startHarness({ users: 5 });
    const user = stored()[1]!;
    expect((await h.get(`/api/v1/users/${user.id}`)).json().id).toBe(user.id);
    expect((await h.get(`/api/v1/users/${q(String(user.profile['login']))}`)).json().id).toBe(user.id);
    const missing = await h.get('/api/v1/users/missing@example.com');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      errorCode: 'E0000007',
      errorSummary: 'Not found: Resource not found: missing@example.com (User)',
      errorCauses: [],
    });
  });

  it('creates users: 200, status by activate and password; duplicate login refused', async () => {
    h = await startHarness({ users: 3 });
    const profile = {
      firstName: 'Zoë',
      lastName: 'Ødegaard',
      email: 'zoe@example.com',
      login: 'zoe@example.com',
    };
    const active = await h.send('POST', '/api/v1/users?activate=true', {
      profile,
      credentials: { password: { value: 'Tr0ub4dor&3x' } },
    });
    expect(active.statusCode).toBe(200);
    expect(active.json()).toMatchObject({ status: 'ACTIVE', profile, credentials: { password: {} } });
    const provisioned = await h.send('POST', '/api/v1/users', {
      profile: { ...profile, login: 'zoe2@example.com' },
    });
    expect(provisioned.json().status).toBe('PROVISIONED');
    const staged = await h.send('POST', '/api/v1/users?activate=false', {
      profile: { ...profile, login: 'zoe3@example.com' },
    });
    expect(staged.json()).toMatchObject({ status: 'STAGED', activated: null, statusChanged: null });
    const duplicate = await h.send('POST', '/api/v1/users', {
      profile: { ...profile, login: 'ZOE@example.com' },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json()).toMatchObject({
      errorCode: 'E0000001',
      errorCauses: [
        { errorSummary: 'login: An object with this field already exists in the current organization' },
      ],
    });
  });

  it('validates create bodies with one cause per problem', async () => {
    h = await startHarness({ users: 1 });
    const response = await h.send('POST', '/api/v1/users', { profile: { login: 'nope', firstName: 'A' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errorCauses.map((c: { errorSummary: string }) => c.errorSummary)).toEqual([
      'email: The field cannot be left blank',
      'lastName: The field cannot be left blank',
      'login: Username must be in the form of an email address',
    ]);
    const malformed = await h.sim.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...h.headers, 'content-type': 'application/json' },
      payload: '{',
    });
    expect(malformed.json().errorCode).toBe('E0000003');
  });

  it('updates partially with POST and replaces with PUT', async () => {
    h = await startHarness({ users: 3 });
    const user = stored()[0]!;
    const before = { ...user.profile };
    const partial = await h.send('POST', `/api/v1/users/${user.id}`, { profile: { title: 'CTO' } });
    expect(partial.json().profile).toEqual({ ...before, title: 'CTO' });
    const replaced = await h.send('PUT', `/api/v1/users/${user.id}`, {
      profile: { firstName: 'A', lastName: 'B', email: 'ab@example.com', login: 'ab@example.com' },
    });
    expect(replaced.json().profile).toEqual({
      firstName: 'A',
      lastName: 'B',
      email: 'ab@example.com',
      login: 'ab@example.com',
    });
  });

  it('deletes in two steps: deactivate, then delete; then 404', async () => {
    h = await startHarness({ users: 3 });
    const user = stored()[0]!;
    expect((await h.send('DELETE', `/api/v1/users/${user.id}`)).statusCode).toBe(204);
    expect((await h.get(`/api/v1/users/${user.id}`)).json().status).toBe('DEPROVISIONED');
    expect((await h.get('/api/v1/users')).json().map((u: { id: string }) => u.id)).not.toContain(user.id);
    expect((await h.send('DELETE', `/api/v1/users/${user.id}`)).statusCode).toBe(204);
    expect((await h.get(`/api/v1/users/${user.id}`)).statusCode).toBe(404);
    expect((await h.send('DELETE', `/api/v1/users/${user.id}`)).statusCode).toBe(404);
  });
});
