import { describe, expect, it } from 'vitest';
import { account, unified, useAcme, users } from '../support/acme-engine.js';

const acme = useAcme();
const writes = () => acme.upstream.requests.filter((r) => r.method !== 'GET');

describe('writes that depend on the current record ($current)', () => {
  it('reads the record first and picks the transition from its state', async () => {
    const locked = acme.upstream.data.people[6];
    const disabled = acme.upstream.data.people[4];
    if (!locked || !disabled) throw new Error('fixture data');
    locked.state = 'locked';
    expect(disabled.state).toBe('disabled');

    const unlocked = await acme.engine.update({
      ...users,
      id: String(locked.id),
      body: { status: 'active' },
    });
    const reenabled = await acme.engine.update({
      ...users,
      id: String(disabled.id),
      body: { status: 'active' },
    });

    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v1/people/${locked.id}/state/unlock`,
      `POST /v1/people/${disabled.id}/state/enable`,
    ]);
    expect(unlocked.record).toMatchObject({ status: 'active' });
    expect(reenabled.record).toMatchObject({ status: 'active' });
  });

  it('sends the computed headers on the write call, not on the read before it', async () => {
    await acme.engine.update({ ...users, id: '2', body: { name: 'Renamed' } });
    const [read, patch] = acme.upstream.calls('/v1/people/2');
    expect(patch?.method).toBe('PATCH');
    expect(patch?.headers['x-rename']).toBe('yes');
    expect(read?.headers['x-rename']).toBeUndefined();
  });

  it('makes no call for a person who is already active', async () => {
    await acme.engine.update({ ...users, id: '1', body: { status: 'active' } });
    expect(writes()).toEqual([]);
  });

  it('refuses a transition before any change is made (400, nothing written)', async () => {
    const archived = acme.upstream.data.people[2];
    if (!archived) throw new Error('fixture data');
    archived.state = 'archived';
    const failure = await acme.engine
      .update({ ...users, id: String(archived.id), body: { name: 'Renamed', status: 'active' } })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'SB_ERR_RUN_INVALID_INPUT',
      message: expect.stringContaining('an archived person cannot be made active'),
    });
    // The rename in the main call was planned too, and not sent.
    expect(writes()).toEqual([]);
    expect(archived.display_name).toBe('Person 3');
  });

  it('answers the upstream refusal when the current record does not exist', async () => {
    await expect(
      acme.engine.update({ ...users, id: '999', body: { status: 'active' } }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_UPSTREAM_STATUS',
      details: { remote: { status: 404 } },
    });
    expect(writes()).toEqual([]);
  });
});

describe('several placeholders in a path', () => {
  it('fills named parts from a unified id expression', async () => {
    const members = acme.upstream.data.members[105] ?? [];
    expect(members).toContain(6);
    await acme.engine.delete({ ...unified('role_assignments'), id: '6:105' });
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /v1/roles/105/members/6']);
    expect(acme.upstream.data.members[105]).not.toContain(6);
  });

  it('refuses an id the expression cannot split, with the author message', async () => {
    await expect(acme.engine.delete({ ...unified('role_assignments'), id: '7-105' })).rejects.toMatchObject({
      code: 'SB_ERR_RUN_INVALID_INPUT',
      message: expect.stringContaining('looks like <user_id>:<role_id>'),
    });
  });

  const proxy = { integration: 'acme', account: account() } as const;

  it('fills proxy placeholders from query parameters, and POST with an id is an action on one record', async () => {
    const person = acme.upstream.data.people[9];
    if (!person) throw new Error('fixture data');
    expect(person.state).toBe('disabled');
    const answer = await acme.engine.proxy({
      ...proxy,
      resource: 'people_transition',
      method: 'POST',
      id: String(person.id),
      query: { transition: 'enable', note: 'kept' },
    });
    expect(answer).toMatchObject({ kind: 'single', status: 200, body: { state: 'active' } });
    const sent = acme.upstream.requests.at(-1);
    expect(sent?.path).toBe(`/v1/people/${person.id}/state/enable`);
    // The placeholder's parameter is consumed; others are forwarded.
    expect(sent?.query).toEqual({ note: 'kept' });
  });

  it('pages a proxy list whose path names a placeholder, the cursor bound to its value', async () => {
    acme.upstream.data.members[105] = [1, 2, 3, 4, 5];
    const list = { ...proxy, resource: 'members_of_role', method: 'GET' as const };
    const first = await acme.engine.proxy({ ...list, query: { role_id: '105' }, limit: 3 });
    if (first.kind !== 'list' || first.next_cursor === null) throw new Error('expected a first page');
    const second = await acme.engine.proxy({ ...list, query: { role_id: '105' }, cursor: first.next_cursor });
    if (second.kind !== 'list') throw new Error('expected a list');
    expect([...first.result, ...second.result]).toEqual([1, 2, 3, 4, 5].map((id) => ({ user_id: id })));
    expect(acme.upstream.calls('/v1/roles/105/members').every((r) => r.query['role_id'] === undefined)).toBe(
      true,
    );
    await expect(
      acme.engine.proxy({ ...list, query: { role_id: '104' }, cursor: first.next_cursor }),
    ).rejects.toMatchObject({ code: 'SB_ERR_CURSOR_INVALID' });
  });

  it('answers 400 naming every missing placeholder, before any call', async () => {
    await expect(
      acme.engine.proxy({ ...proxy, resource: 'role_members', method: 'DELETE', query: { user_id: '7' } }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_RUN_INVALID_INPUT',
      message: expect.stringContaining('role_id'),
      details: { missing: ['role_id'] },
    });
    expect(writes()).toEqual([]);
  });
});
