import { createAjv, userDirectoryJsonSchema } from '@switchboard/schema';
import { describe, expect, it } from 'vitest';
import { evaluateAt, ud } from './onelogin-file.js';
import { v1User, v2User } from './onelogin-samples.js';

const ajv = createAjv();
ajv.addSchema(userDirectoryJsonSchema());
const unifiedUser = ajv.getSchema('https://switchboard.dev/schema/user-directory.schema.json#/$defs/User')!;

const mapUser = (record: unknown) => evaluateAt(ud('users/list/response'), record);

describe('users: upstream record → unified user', () => {
  it('maps the v2 Kelly Slater sample field by field', async () => {
    const user = await mapUser(v2User);
    expect(user).toEqual({
      id: '36216766',
      username: 'kellyslater',
      first_name: 'Kelly',
      last_name: 'Slater',
      name: 'Kelly Slater',
      title: 'Surfer',
      department: 'Waves',
      company: 'WSL',
      emails: [{ email: 'kelly+preprod@onelogin.com', type: 'work', is_primary: true }],
      phones: [{ number: '+64272001122', type: 'work' }],
      status: 'locked',
      roles: [{ id: '199848' }, { id: '272445' }],
      custom_fields: { food: 'chicken' },
      last_login_at: '2020-06-03T19:59:21.382Z',
      created_at: '2017-12-12T23:57:56.781Z',
      updated_at: '2020-07-09T03:08:52.774Z',
    });
    expect(unifiedUser(user), JSON.stringify(unifiedUser.errors)).toBe(true);
  });

  it('drops the empty strings and nulls of a real v1 user and keeps a single role as a list', async () => {
    const user = (await mapUser(v1User)) as Record<string, unknown>;
    expect(user).toEqual({
      id: '132422371',
      first_name: 'Example',
      last_name: 'Person',
      name: 'Example Person',
      emails: [{ email: 'exampleperson@jupiterone.com', type: 'work', is_primary: true }],
      status: 'active',
      roles: [{ id: '439868' }],
      custom_fields: { customUserField: 'custom-user-value' },
      last_login_at: '2021-09-14T16:13:45.947Z',
      created_at: '2021-04-28T21:10:57.210Z',
      updated_at: '2021-09-14T16:13:46.282Z',
    });
    for (const absent of ['username', 'phones', 'company', 'department', 'title', 'groups', 'manager']) {
      expect(user, absent).not.toHaveProperty(absent);
    }
    expect(unifiedUser(user), JSON.stringify(unifiedUser.errors)).toBe(true);
  });

  it.each([
    [0, 1, 'invited'],
    [1, 1, 'active'],
    [2, 1, 'suspended'],
    [3, 1, 'locked'],
    [4, 1, 'locked'],
    [5, 1, 'locked'],
    [7, 1, 'invited'],
    [8, 1, 'locked'],
    [1, 2, 'suspended'],
    [3, 2, 'suspended'],
    [1, 0, 'active'],
    [1, 3, 'active'],
  ])('reads status %i with state %i as %s', async (status, state, expected) => {
    expect(await mapUser({ ...v2User, status, state })).toMatchObject({ status: expected });
  });

  it('leaves the status out when OneLogin gives none it defines', async () => {
    expect(await mapUser({ ...v2User, status: 6 })).not.toHaveProperty('status');
    expect(await mapUser({ ...v2User, status: null })).not.toHaveProperty('status');
  });

  it('turns group, manager and ids into strings, also when they arrive as strings', async () => {
    const user = await mapUser({
      ...v2User,
      id: '9007199254740993',
      group_id: 425741,
      manager_user_id: '29260307',
      external_id: 77,
      role_ids: [],
    });
    expect(user).toMatchObject({
      id: '9007199254740993',
      groups: [{ id: '425741' }],
      manager: { id: '29260307' },
      external_id: '77',
      roles: [],
    });
  });

  it('has no name when OneLogin has neither first nor last name', async () => {
    const user = await mapUser({ ...v2User, firstname: '', lastname: null });
    expect(user).not.toHaveProperty('name');
    expect(user).not.toHaveProperty('first_name');
  });

  it('maps get, create and update responses the same way as list', async () => {
    const listed = await mapUser(v2User);
    for (const method of ['get', 'create', 'update']) {
      expect(await evaluateAt(ud(`users/${method}/response`), v2User), method).toEqual(listed);
    }
  });
});

describe('users: list filters', () => {
  it('sends email, username and the time bounds upstream', async () => {
    const query = await evaluateAt(ud('users/list/query'), {
      email: 'a@b.c',
      username: 'ann',
      status: 'active',
      'updated_at[gte]': '2026-01-01T00:00:00Z',
      'created_at[gte]': '2025-01-01T00:00:00Z',
    });
    expect(query).toEqual({
      email: 'a@b.c',
      username: 'ann',
      updated_since: '2026-01-01T00:00:00Z',
      created_since: '2025-01-01T00:00:00Z',
    });
  });

  it('sends nothing when there are no filters', async () => {
    expect(await evaluateAt(ud('users/list/query'), {})).toEqual({});
  });

  it('applies status (which OneLogin cannot filter) to the mapped records', async () => {
    const filter = (record: unknown, query: Record<string, string>) =>
      evaluateAt(ud('users/list/filter'), record, { query });
    const locked = await mapUser(v2User);
    expect(await filter(locked, { status: 'locked' })).toBe(true);
    expect(await filter(locked, { status: 'active' })).toBe(false);
    expect(await filter(locked, {})).toBe(true);
  });

  it('keeps email and username exact even when the value holds a OneLogin wildcard', async () => {
    const filter = (query: Record<string, string>) =>
      evaluateAt(
        ud('users/list/filter'),
        { username: 'kellyslater', emails: [{ email: 'Kelly@x.com' }] },
        { query },
      );
    expect(await filter({ email: 'kelly@X.com' })).toBe(true);
    expect(await filter({ email: '*@x.com' })).toBe(false);
    expect(await filter({ username: 'KellySlater' })).toBe(true);
    expect(await filter({ username: 'kelly*' })).toBe(false);
  });
});

describe('users: unified body → OneLogin body', () => {
  const body = (input: unknown) => evaluateAt(ud('users/create/body'), input);

  it('translates a create body, primary email and numeric ids included', async () => {
    expect(
      await body({
        username: 'ann',
        first_name: 'Ann',
        last_name: 'Lee',
        emails: [
          { email: 'ann@home.example', type: 'personal', is_primary: false },
          { email: 'ann@acme.example', type: 'work', is_primary: true },
        ],
        title: 'Engineer',
        department: 'R&D',
        company: 'Acme',
        phones: [{ number: '+15550100', type: 'mobile' }],
        manager: { id: '29260307' },
        groups: [{ id: '425741' }],
        custom_fields: { food: 'rice' },
        password: 'correct horse',
      }),
    ).toEqual({
      username: 'ann',
      firstname: 'Ann',
      lastname: 'Lee',
      email: 'ann@acme.example',
      title: 'Engineer',
      department: 'R&D',
      company: 'Acme',
      phone: '+15550100',
      manager_user_id: 29260307,
      group_id: 425741,
      custom_attributes: { food: 'rice' },
      password: 'correct horse',
      password_confirmation: 'correct horse',
    });
  });

  it('uses the first email when none is primary', async () => {
    expect(await body({ emails: [{ email: 'x@y.z' }] })).toEqual({ email: 'x@y.z' });
  });

  it('clears the group and manager, and sends only what was given', async () => {
    expect(await body({ groups: [], manager: null })).toEqual({ group_id: null, manager_user_id: null });
    expect(await body({ title: 'CTO' })).toEqual({ title: 'CTO' });
  });

  it('suspends through the update body and leaves the other statuses to steps', async () => {
    const update = (input: unknown) => evaluateAt(ud('users/update/body'), input);
    expect(await update({ status: 'suspended' })).toEqual({ status: 2 });
    expect(await update({ status: 'active' })).toEqual({});
    expect(await update({ status: 'locked' })).toEqual({});
  });
});

describe('users: update steps by status', () => {
  const steps = ['unlock_user', 'users', 'set_user_state', 'lock_user'];

  async function stepsRun(wanted: string, previous: { status: number; state: number }) {
    const run: string[] = [];
    for (const [index, resource] of steps.entries()) {
      const when = await evaluateAt(ud(`users/update/steps/${index}/when`), null, {
        id: '36216766',
        body: { status: wanted },
        previous,
      });
      if (when === true) run.push(resource);
    }
    return run;
  }

  it.each([
    ['active', 3, 1, ['unlock_user']],
    ['active', 2, 1, ['users']],
    ['active', 7, 1, ['users']],
    ['active', 5, 1, ['users']],
    ['active', 1, 1, []],
    ['active', 1, 2, ['set_user_state']],
    ['active', 2, 2, ['users', 'set_user_state']],
    ['locked', 1, 1, ['lock_user']],
    ['suspended', 1, 1, []],
  ])('status %s on a user with status %i and state %i calls %j', async (wanted, status, state, expected) => {
    expect(await stepsRun(wanted, { status, state })).toEqual(expected);
  });

  it('runs no step for a profile-only update', async () => {
    const run = [];
    for (const index of steps.keys()) {
      run.push(
        await evaluateAt(ud(`users/update/steps/${index}/when`), null, {
          id: '1',
          body: { title: 'CTO' },
          previous: { status: 3, state: 2 },
        }),
      );
    }
    expect(run.filter((r) => r === true)).toEqual([]);
  });

  it('sends the bodies those calls expect', async () => {
    expect(await evaluateAt(ud('users/update/steps/1/body'), { status: 'active' })).toEqual({ status: 1 });
    expect(await evaluateAt(ud('users/update/steps/2/body'), { status: 'active' })).toEqual({ state: 1 });
    expect(await evaluateAt(ud('users/update/steps/3/body'), { status: 'locked' })).toEqual({
      locked_until: 0,
    });
  });
});
