import { describe, expect, it } from 'vitest';
import { evaluateAt, ud } from './onelogin-file.js';
import { groupsPage, role, roleUser, v2User } from './onelogin-samples.js';

describe('where records sit in OneLogin bodies', () => {
  it('reads a v1 list page as an array, even with one record', async () => {
    expect(await evaluateAt('/resources/groups/list/records', groupsPage)).toEqual(groupsPage.data);
    expect(await evaluateAt('/resources/events/list/records', { data: [] })).toEqual([]);
  });

  it('unwraps v1 single records and the array-in-array of user roles', async () => {
    expect(await evaluateAt('/resources/groups/get/record', groupsPage)).toEqual(groupsPage.data[0]);
    expect(await evaluateAt('/resources/user_roles/get/record', { data: [[77777]] })).toEqual([77777]);
  });

  it('reads the v1 after_cursor, null on the last page', async () => {
    const path = '/pagination/v1/cursor/path';
    expect(await evaluateAt(path, { pagination: { after_cursor: 'bmFtZTo6Ok9mZmljZQ' } })).toBe(
      'bmFtZTo6Ok9mZmljZQ',
    );
    expect(await evaluateAt(path, groupsPage)).toBeNull();
  });

  it('returns the rate-limit object as one record', async () => {
    const data = { 'X-RateLimit-Limit': 5000, 'X-RateLimit-Remaining': 4988, 'X-RateLimit-Reset': 832 };
    expect(await evaluateAt('/resources/rate_limit/list/records', { data })).toEqual([data]);
  });
});

describe('groups and roles', () => {
  it('maps a real v1 group', async () => {
    expect(await evaluateAt(ud('groups/list/response'), groupsPage.data[0])).toEqual({
      id: '477661',
      name: 'Getting the Band Together',
      type: 'group',
    });
  });

  it('maps a v2 role without its member lists', async () => {
    expect(await evaluateAt(ud('roles/get/response'), role)).toEqual({ id: '452448', name: 'New Role' });
  });

  it('creates and renames a role by name only, reading the new id from `{"id":…}`', async () => {
    expect(await evaluateAt(ud('roles/create/body'), { name: 'Auditors', description: 'Read only' })).toEqual(
      {
        name: 'Auditors',
      },
    );
    expect(await evaluateAt(ud('roles/update/body'), { name: 'Admins' })).toEqual({ name: 'Admins' });
    expect(await evaluateAt(ud('roles/create/response'), { id: 123 })).toEqual({ id: '123' });
  });
});

describe('role assignments', () => {
  const fromUser = (record: unknown) => evaluateAt(ud('role_assignments/list/response'), record);

  it('flat-maps one assignment per role of a user', async () => {
    expect(await fromUser(v2User)).toEqual([
      { id: '36216766:199848', user_id: '36216766', role_id: '199848' },
      { id: '36216766:272445', user_id: '36216766', role_id: '272445' },
    ]);
  });

  it('yields a list for a single role and an empty list for none', async () => {
    expect(await fromUser({ id: 7, role_ids: [5] })).toEqual([{ id: '7:5', user_id: '7', role_id: '5' }]);
    expect(await fromUser({ id: 7, role_ids: [] })).toEqual([]);
    expect(await fromUser({ id: 7 })).toEqual([]);
  });

  it('asks OneLogin for the named user only, trimmed to its roles', async () => {
    expect(await evaluateAt(ud('role_assignments/list/query'), { user_id: '36216766' })).toEqual({
      user_ids: '36216766',
      fields: 'id,role_ids',
    });
  });

  describe('by role (the alternative)', () => {
    const alternative = (path: string) => ud(`role_assignments/list/alternatives/0/${path}`);

    it('is chosen only when role_id is given', async () => {
      expect(await evaluateAt(alternative('when'), { role_id: '199848' })).toBe(true);
      expect(await evaluateAt(alternative('when'), { user_id: '1' })).toBe(false);
    });

    it('reads the role named in the filter, then its members', async () => {
      expect(
        await evaluateAt(alternative('for_each/id'), { role_id: '199848' }, { query: { role_id: '199848' } }),
      ).toBe('199848');
    });

    it('maps role members to assignments and drops unassigned ones', async () => {
      const bindings = { query: { role_id: '199848' }, parent: { id: 199848, name: 'Surfers' } };
      expect(await evaluateAt(alternative('response'), roleUser, bindings)).toEqual({
        id: '345:199848',
        user_id: '345',
        role_id: '199848',
        created_at: '2019-12-27T00:00:00Z',
      });
      expect(
        await evaluateAt(alternative('response'), { ...roleUser, assigned: false }, bindings),
      ).toBeNull();
    });

    it('sends none of the users query to the role', async () => {
      expect(await evaluateAt(alternative('query'), { role_id: '1', user_id: '2' })).toEqual({});
    });

    it('still honours user_id', async () => {
      const filter = alternative('filter');
      expect(await evaluateAt(filter, { user_id: '345' }, { query: { role_id: '1', user_id: '345' } })).toBe(
        true,
      );
      expect(await evaluateAt(filter, { user_id: '345' }, { query: { role_id: '1', user_id: '9' } })).toBe(
        false,
      );
      expect(await evaluateAt(filter, { user_id: '345' }, { query: { role_id: '1' } })).toBe(true);
    });
  });

  it('creates through the role with a raw array holding the numeric user id', async () => {
    const input = { user_id: '36216766', role_id: '199848' };
    expect(await evaluateAt(ud('role_assignments/create/id'), null, { body: input })).toBe('199848');
    expect(await evaluateAt(ud('role_assignments/create/body'), input)).toEqual([36216766]);
  });

  it('deletes by parsing "<user_id>:<role_id>"', async () => {
    const id = '36216766:199848';
    expect(await evaluateAt(ud('role_assignments/delete/id'), null, { id })).toBe('199848');
    expect(await evaluateAt(ud('role_assignments/delete/body'), null, { id })).toEqual([36216766]);
  });

  it('refuses an id that is not a pair', async () => {
    await expect(evaluateAt(ud('role_assignments/delete/body'), null, { id: '199848' })).rejects.toThrow(
      /<user_id>:<role_id>/,
    );
  });
});

describe('upstream errors → { code, message }', () => {
  const error = (body: unknown, status: number) => evaluateAt(ud('users/get/error'), body, { status });

  it('reads a v1 envelope with a text message', async () => {
    const body = {
      status: { error: true, code: 404, type: 'not found', message: 'User for id 8888888 was not found' },
    };
    expect(await error(body, 404)).toEqual({
      code: 'not found',
      message: 'User for id 8888888 was not found',
    });
  });

  it('reads a v1 envelope with an attribute message', async () => {
    const body = {
      status: {
        error: true,
        code: 400,
        type: 'bad request',
        message: { attribute: 'id', description: 'ID is incorrect' },
      },
    };
    expect(await error(body, 400)).toEqual({ code: 'bad request', message: 'id: ID is incorrect' });
  });

  it('reads a v2 error', async () => {
    const body = {
      message: 'Validation failed: Username must be unique within acme',
      name: 'UnprocessableEntityError',
      statusCode: 422,
    };
    expect(await error(body, 422)).toEqual({
      code: 'UnprocessableEntityError',
      message: 'Validation failed: Username must be unique within acme',
    });
  });

  it('lists field errors of the mappings-style 422', async () => {
    const body = {
      code: 422,
      message: 'Validation Failed',
      errors: [{ field: 'enabled', message: ['Required field is missing'] }],
    };
    expect(await error(body, 422)).toEqual({
      code: '422',
      message: 'Validation Failed (enabled: Required field is missing)',
    });
  });

  it('still says something about a body it does not know', async () => {
    expect(await error({}, 502)).toEqual({ code: '502', message: 'OneLogin answered HTTP 502' });
  });
});
