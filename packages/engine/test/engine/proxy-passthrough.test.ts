import { describe, expect, it } from 'vitest';
import { account, useAcme } from '../support/acme-engine.js';

const acme = useAcme();
const proxy = { integration: 'acme', account: account() } as const;

describe('proxy', () => {
  it('lists raw upstream records in the envelope, paged with cursors like unified lists', async () => {
    const first = await acme.engine.proxy({ ...proxy, resource: 'roles', method: 'GET', limit: 5 });
    expect(first).toMatchObject({
      kind: 'list',
      result_count: 5,
      result: acme.upstream.data.roles.slice(0, 5),
    });
    if (first.kind !== 'list' || first.next_cursor === null) throw new Error('expected a next cursor');
    const second = await acme.engine.proxy({
      ...proxy,
      resource: 'roles',
      method: 'GET',
      limit: 5,
      cursor: first.next_cursor,
    });
    expect(second).toMatchObject({
      kind: 'list',
      next_cursor: null,
      result: acme.upstream.data.roles.slice(5),
    });
  });

  it('defaults the limit to the upstream page size and forwards the query', async () => {
    const page = await acme.engine.proxy({
      ...proxy,
      resource: 'people',
      method: 'GET',
      query: { email: 'p2@acme.test' },
    });
    expect(page).toMatchObject({ kind: 'list', result: [acme.upstream.data.people[1]] });
    expect(acme.upstream.calls('/v1/people')[0]?.query).toEqual({ email: 'p2@acme.test', limit: '5' });
  });

  it('refuses a unified cursor for a proxy list', async () => {
    const unified = await acme.engine.list({
      ...proxy,
      model: 'user-directory',
      resource: 'roles',
      limit: 2,
    });
    await expect(
      acme.engine.proxy({
        ...proxy,
        resource: 'roles',
        method: 'GET',
        cursor: unified.next_cursor as string,
      }),
    ).rejects.toMatchObject({ code: 'SB_ERR_CURSOR_INVALID' });
  });

  it('answers single calls with the upstream body as is, choosing the method by shape', async () => {
    const got = await acme.engine.proxy({ ...proxy, resource: 'people', method: 'GET', id: '1' });
    expect(got).toMatchObject({ kind: 'single', status: 200, body: { data: acme.upstream.data.people[0] } });
    const created = await acme.engine.proxy({
      ...proxy,
      resource: 'people',
      method: 'POST',
      body: { email: 'z@acme.test' },
    });
    expect(created).toMatchObject({ kind: 'single', status: 201, body: { email: 'z@acme.test' } });
    const patched = await acme.engine.proxy({
      ...proxy,
      resource: 'people',
      method: 'PUT',
      id: '1',
      body: { state: 'x' },
    });
    expect(patched).toMatchObject({ status: 200 });
    expect(acme.upstream.calls('/v1/people/1', 'PATCH')).toHaveLength(1);
    const deleted = await acme.engine.proxy({ ...proxy, resource: 'people', method: 'DELETE', id: '1' });
    expect(deleted).toMatchObject({ kind: 'single', status: 204 });
  });

  it('refuses unknown resources and methods a resource lacks', async () => {
    await expect(acme.engine.proxy({ ...proxy, resource: 'nope', method: 'GET' })).rejects.toMatchObject({
      code: 'SB_ERR_RUN_UNKNOWN_RESOURCE',
    });
    await expect(
      acme.engine.proxy({ ...proxy, resource: 'teams', method: 'DELETE', id: '1' }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_RUN_UNSUPPORTED_OPERATION',
    });
  });
});

describe('passthrough', () => {
  it('streams the upstream answer with auth injected and the caller credentials removed', async () => {
    const response = await acme.engine.passthrough({
      ...proxy,
      method: 'GET',
      path: 'v1/roles/101',
      query: { integrated_account_id: 'acct-1', fields: 'name' },
      headers: { authorization: 'Bearer caller-api-key', 'x-trace': 't' },
    });
    let text = '';
    for await (const chunk of response.body) text += Buffer.from(chunk).toString();
    expect(response.status).toBe(200);
    expect(JSON.parse(text)).toEqual({ id: 101, name: 'Role 1' });
    const sent = acme.upstream.requests.at(-1);
    expect(sent?.query).toEqual({ fields: 'name' });
    expect(sent?.headers['authorization']).toBe('Bearer tok-1');
    expect(sent?.headers['x-trace']).toBe('t');
  });

  it.each([
    'https://evil.test/x',
    '//evil.test/x',
    'v1/../admin',
    'v1/%2e%2e/admin',
    'v1/%252e%252e/admin',
    'v1/a%2Fb',
    'v1/a%5cb',
    'v1/a\\b',
    'user@evil.test/x',
    'v1/a%40b',
    'v1/x\r\nHost: evil',
    'v1/x%0d%0a',
    'v1/x?y=1',
  ])('refuses %j without calling the upstream', async (path) => {
    await expect(acme.engine.passthrough({ ...proxy, method: 'GET', path })).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_FORBIDDEN_URL',
    });
    expect(acme.upstream.requests).toHaveLength(0);
  });
});
