import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, readAllPages, startHarness } from '../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ users: 60, seed: 3 });
});
afterAll(() => h.sim.close());

const users = () => h.sim.state.tenant.users.items;
const eventual = { consistencylevel: 'eventual' };

describe('GET /v1.0/users', () => {
  it('returns only the default properties without $select, everything selected with it', async () => {
    const plain = (await h.get('/v1.0/users?$top=1')).json().value[0];
    expect(Object.keys(plain).sort()).toEqual(
      [
        'businessPhones',
        'displayName',
        'givenName',
        'id',
        'jobTitle',
        'mail',
        'mobilePhone',
        'officeLocation',
        'preferredLanguage',
        'surname',
        'userPrincipalName',
      ].sort(),
    );
    const selected = (
      await h.get('/v1.0/users?$top=1&$select=id,accountEnabled,userType,createdDateTime')
    ).json();
    expect(Object.keys(selected.value[0]).sort()).toEqual([
      'accountEnabled',
      'createdDateTime',
      'id',
      'userType',
    ]);
    expect(selected['@odata.context']).toMatch(
      /\/v1\.0\/\$metadata#users\(id,accountEnabled,userType,createdDateTime\)$/,
    );
  });

  it.each([1, 7, 100])(
    'pages every user exactly once at $top=%i with absolute next links on the caller’s host',
    async (top) => {
      const { items, pages, links } = await readAllPages(h, `/v1.0/users?$top=${top}&$select=id`, {
        host: 'graph.example.test',
      });
      expect(items.map((user) => user['id'])).toEqual(users().map((user) => user.id));
      expect(pages).toBe(Math.max(1, Math.ceil(users().length / top)));
      for (const link of links)
        expect(link).toMatch(
          /^http:\/\/graph\.example\.test\/v1\.0\/users\?\$top=\d+&\$select=id&\$skiptoken=/,
        );
    },
  );

  it('refuses $top outside 1–999 and a forged skiptoken', async () => {
    const big = await h.get('/v1.0/users?$top=1000');
    expect(big.statusCode).toBe(400);
    expect(big.json().error.message).toBe(
      "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    );
    expect((await h.get('/v1.0/users?$skiptoken=garbage')).statusCode).toBe(400);
    expect((await h.get('/v1.0/users?$skip=10')).json().error.message).toBe(
      "'$skip' is not supported by the service.",
    );
  });

  it('filters with the basic operators, strings case-insensitive, quotes doubled', async () => {
    const apostrophe = users().find((user) => user.userPrincipalName.includes("'"))!;
    const quoted = apostrophe.userPrincipalName.toUpperCase().replaceAll("'", "''");
    const one = await h.get(
      `/v1.0/users?$filter=${encodeURIComponent(`userPrincipalName eq '${quoted}'`)}&$select=id`,
    );
    expect(one.json().value).toEqual([{ id: apostrophe.id }]);

    const disabled = await h.get(
      `/v1.0/users?$filter=${encodeURIComponent('accountEnabled eq false')}&$select=id&$top=999`,
    );
    expect(disabled.json().value.map((u: { id: string }) => u.id)).toEqual(
      users()
        .filter((u) => !u.accountEnabled)
        .map((u) => u.id),
    );

    const since = users()[10]!.createdDateTime!;
    const recent = await h.get(
      `/v1.0/users?$filter=${encodeURIComponent(`createdDateTime ge ${since}`)}&$select=id&$top=999`,
    );
    expect(recent.json().value.map((u: { id: string }) => u.id)).toEqual(
      users()
        .filter((u) => u.createdDateTime !== null && u.createdDateTime >= since)
        .map((u) => u.id),
    );

    const pending = await h.get(
      `/v1.0/users?$filter=${encodeURIComponent("externalUserState eq 'PendingAcceptance'")}&$select=id`,
    );
    const expected = users().filter((u) => u.externalUserState === 'PendingAcceptance');
    expect(expected.length).toBeGreaterThan(0);
    expect(pending.json().value.map((u: { id: string }) => u.id)).toEqual(expected.map((u) => u.id));
  });

  it('needs ConsistencyLevel: eventual (and $count=true) for $count, $search and advanced operators', async () => {
    expect((await h.get('/v1.0/users?$count=true')).json().error.message).toBe(
      '$count is not currently supported.',
    );
    expect((await h.get('/v1.0/users?$search="displayName:ann"')).statusCode).toBe(400);
    const ne = await h.get(`/v1.0/users?$filter=${encodeURIComponent('accountEnabled ne true')}`);
    expect(ne.json().error.code).toBe('Request_UnsupportedQuery');

    const counted = (
      await h.get(
        `/v1.0/users?$count=true&$filter=${encodeURIComponent('accountEnabled ne true')}&$top=1`,
        eventual,
      )
    ).json();
    expect(counted['@odata.count']).toBe(users().filter((u) => !u.accountEnabled).length);
    const count = await h.get('/v1.0/users/$count', eventual);
    expect(count.headers['content-type']).toMatch(/^text\/plain/);
    expect(count.body).toBe(String(users().length));
  });

  it('answers 400 for an unknown $select property or an unfilterable property', async () => {
    expect((await h.get('/v1.0/users?$select=nope')).json().error).toMatchObject({
      code: 'Request_BadRequest',
      message: "Could not find a property named 'nope' on type 'microsoft.graph.user'.",
    });
    const unsupported = await h.get(`/v1.0/users?$filter=${encodeURIComponent("passwordProfile eq 'x'")}`);
    expect(unsupported.json().error.code).toBe('Request_UnsupportedQuery');
    expect((await h.get('/v1.0/users?$select=signInActivity')).statusCode).toBe(403);
  });
});

describe('user writes', () => {
  const valid = {
    accountEnabled: true,
    displayName: 'Nia Park',
    mailNickname: 'nia.park',
    userPrincipalName: 'nia.park@acme.example',
    passwordProfile: { password: 'Temp-Passw0rd!', forceChangePasswordNextSignIn: true },
  };

  it('creates (201, #users/$entity), reads by UPN, patches (204), disables and deletes (204 then 404)', async () => {
    const created = await h.send('POST', '/v1.0/users', { ...valid, jobTitle: 'Analyst' });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body['@odata.context']).toMatch(/#users\/\$entity$/);
    expect(body).toMatchObject({
      displayName: 'Nia Park',
      jobTitle: 'Analyst',
      userPrincipalName: 'nia.park@acme.example',
    });
    expect(body).not.toHaveProperty('passwordProfile');

    const byUpn = await h.get('/v1.0/users/nia.park@acme.example?$select=id,accountEnabled,createdDateTime');
    expect(byUpn.json()).toMatchObject({
      id: body.id,
      accountEnabled: true,
      createdDateTime: expect.stringMatching(/Z$/),
    });

    const patched = await h.send('PATCH', `/v1.0/users/${body.id}`, {
      accountEnabled: false,
      department: 'Finance',
    });
    expect(patched.statusCode).toBe(204);
    expect(patched.body).toBe('');
    expect(h.sim.state.tenant.users.get(body.id)).toMatchObject({
      accountEnabled: false,
      department: 'Finance',
    });
    const activities = h.sim.state.tenant.audits.slice(-3).map((a) => a.activityDisplayName);
    expect(activities).toEqual(['Add user', 'Update user', 'Disable account']);

    expect((await h.send('DELETE', `/v1.0/users/${body.id}`)).statusCode).toBe(204);
    const gone = await h.get(`/v1.0/users/${body.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('Request_ResourceNotFound');
  });

  it.each([
    [
      'a duplicate UPN',
      { userPrincipalName: 'ann.lee@acme.example' },
      /Another object with the same value for property userPrincipalName/,
    ],
    [
      'an unverified domain',
      { userPrincipalName: 'x@elsewhere.example' },
      /domain portion of the userPrincipalName/,
    ],
    ['a weak password', { passwordProfile: { password: 'short' } }, /password complexity/],
    ['no password', { passwordProfile: undefined }, /A password must be specified/],
    ['no displayName', { displayName: undefined }, /property 'displayName'/],
    ['an unknown property', { favouriteColour: 'blue' }, /favouriteColour/],
  ])('refuses a create with %s (400)', async (_case, change, message) => {
    const response = await h.send('POST', '/v1.0/users', { ...valid, mailNickname: 'other', ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(message);
  });

  it('expands memberOf on a user; other navigation names answer 400', async () => {
    const admin = h.sim.state.tenant.findUser('ann.lee@acme.example')!;
    const got = (await h.get(`/v1.0/users/${admin.id}?$select=id&$expand=memberOf`)).json();
    const groupIds = h.sim.state.tenant.groupsOf(admin.id).map((g) => g.id);
    const expanded = got.memberOf as { '@odata.type': string; id: string }[];
    expect(
      expanded
        .filter((m) => m['@odata.type'] === '#microsoft.graph.group')
        .map((m) => m.id)
        .sort(),
    ).toEqual(groupIds.sort());
    expect((await h.get('/v1.0/users?$expand=manager')).statusCode).toBe(400);
  });

  it('lists the direct groups and roles of a user in memberOf, groups only with the cast', async () => {
    const admin = h.sim.state.tenant.findUser('ann.lee@acme.example')!;
    const all = (await h.get(`/v1.0/users/${admin.id}/memberOf`)).json().value as { '@odata.type': string }[];
    expect(all.some((item) => item['@odata.type'] === '#microsoft.graph.directoryRole')).toBe(true);
    const groups = (await h.get(`/v1.0/users/${admin.id}/memberOf/microsoft.graph.group`)).json().value as {
      id: string;
    }[];
    expect(groups.map((g) => g.id).sort()).toEqual(
      h.sim.state.tenant
        .groupsOf(admin.id)
        .map((g) => g.id)
        .sort(),
    );
  });
});
