import { describe, expect, it } from 'vitest';
import { unified, useAcme, users } from '../support/acme-engine.js';

const acme = useAcme();

describe('get', () => {
  it('reads one record through its record path and maps it', async () => {
    const { record } = await acme.engine.get({ ...users, id: '3' });
    expect(record).toMatchObject({ id: '3', name: 'Person 3', remote_data: acme.upstream.data.people[2] });
  });

  it('URL-encodes the id into the path', async () => {
    await acme.engine.get({ ...users, id: 'a/b c' }).catch(() => undefined);
    expect(acme.upstream.requests.at(-1)?.path).toBe('/v1/people/a%2Fb%20c');
  });

  it('maps an upstream error and keeps the upstream answer', async () => {
    const failure = await acme.engine.get({ ...users, id: '999' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'SB_ERR_HTTP_UPSTREAM_STATUS',
      message: expect.stringContaining('no person 999'),
      details: {
        is_remote_error: true,
        remote_code: 'not_found',
        remote_message: 'no person 999',
        remote: { status: 404, body: { error: { code: 'not_found', message: 'no person 999' } } },
      },
    });
    expect((failure as Error).cause).toMatchObject({ code: 'SB_ERR_HTTP_UPSTREAM_STATUS' });
  });

  it('answers UnsupportedOperation for a method the integration does not declare', async () => {
    await expect(acme.engine.get({ ...unified('groups'), id: '1' })).rejects.toMatchObject({
      code: 'SB_ERR_RUN_UNSUPPORTED_OPERATION',
    });
  });
});

describe('create', () => {
  it('sends the mapped body and answers the mapped created record', async () => {
    const { record } = await acme.engine.create({
      ...users,
      body: {
        name: 'New Person',
        emails: [{ email: 'new@acme.test', type: 'work', is_primary: true }],
        password: 'pw-1',
      },
    });
    const sent = acme.upstream.calls('/v1/people', 'POST')[0];
    expect(sent?.body).toEqual({ display_name: 'New Person', email: 'new@acme.test', state: 'active' });
    expect(record).toMatchObject({
      id: '1023',
      name: 'New Person',
      status: 'active',
      remote_data: { id: 1023 },
    });
    expect(JSON.stringify(record)).not.toContain('pw-1');
  });

  it('maps an upstream refusal', async () => {
    await expect(
      acme.engine.create({
        ...users,
        body: { name: 'Dup', emails: [{ email: 'p1@acme.test', type: 'work', is_primary: true }] },
      }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_UPSTREAM_STATUS',
      details: { remote_code: 'email_taken', remote: { status: 409 } },
    });
  });

  it('treats a 2xx other than the declared success status as a failure', async () => {
    acme.upstream.before = (request) => (request.method === 'POST' ? [200, { id: 1 }] : undefined);
    await expect(
      acme.engine.create({
        ...users,
        body: { name: 'X', emails: [{ email: 'x@acme.test', is_primary: true }] },
      }),
    ).rejects.toMatchObject({ code: 'SB_ERR_HTTP_UPSTREAM_STATUS', details: { expected_status: [201] } });
  });
});

describe('update', () => {
  it('sends the mapped body, then re-reads the record', async () => {
    const { record } = await acme.engine.update({
      ...users,
      id: '4',
      body: { name: 'Renamed', status: 'suspended' },
    });
    expect(acme.upstream.calls('/v1/people/4', 'PATCH')[0]?.body).toEqual({
      display_name: 'Renamed',
      state: 'disabled',
    });
    expect(acme.upstream.calls('/v1/people/4/lock')).toHaveLength(0);
    expect(record).toMatchObject({ id: '4', name: 'Renamed', status: 'suspended' });
    // Read before the write (`current:`) and after it (`result: get`).
    expect(acme.upstream.calls('/v1/people/4', 'GET')).toHaveLength(2);
  });

  it('runs a step only when its condition holds, and skips an empty main call', async () => {
    const { record } = await acme.engine.update({ ...users, id: '6', body: { status: 'locked' } });
    expect(acme.upstream.calls('/v1/people/6', 'PATCH')).toHaveLength(0);
    expect(acme.upstream.calls('/v1/people/6/lock', 'POST')[0]?.body).toEqual({
      reason: 'locked through Switchboard',
      by: '6',
    });
    expect(record).toMatchObject({ id: '6', status: 'locked' });
  });

  it('collects the trace of every call of the write', async () => {
    const result = await acme.engine.update({
      ...users,
      id: '6',
      body: { name: 'N', status: 'locked' },
      format: 'debug',
    });
    const labels = result.trace?.flatMap((e) => (e.kind === 'request' ? [e.label] : []));
    // The current record is read first (`current:`), then the writes, then the answer is read back.
    expect(labels).toEqual(['auth.token', 'people.get', 'people.update', 'people_lock.update', 'people.get']);
  });
});

describe('delete', () => {
  it('answers the unified id', async () => {
    const { record } = await acme.engine.delete({ ...users, id: '2' });
    expect(record).toEqual({ id: '2' });
    expect(acme.upstream.calls('/v1/people/2', 'DELETE')).toHaveLength(1);
    expect(acme.upstream.data.people.some((p) => p.id === 2)).toBe(false);
  });
});
