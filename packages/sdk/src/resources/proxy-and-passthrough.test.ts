import { afterEach, describe, expect, it } from 'vitest';
import { Switchboard } from '../switchboard.js';
import { type Handler, type LocalServer, startLocalServer } from '../testing/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function client(handler: Handler) {
  server = await startLocalServer(handler);
  return { sb: new Switchboard({ apiKey: 'k', baseUrl: server.baseUrl }), requests: server.requests };
}

describe('proxy', () => {
  it('calls /proxy/{resource}/{id} with the account and the caller query', async () => {
    const { sb, requests } = await client(() => ({ body: { id: 42, firstname: 'Ann' } }));
    const body = await sb.proxy.request<{ firstname: string }>({
      integrated_account_id: 'ia_1',
      resource: 'users',
      id: '42',
      method: 'PUT',
      query: { 'fields[]': 'firstname' },
      body: { firstname: 'Ann' },
    });
    expect(body.firstname).toBe('Ann');
    expect(`${requests[0]?.method} ${requests[0]?.url}`).toBe(
      'PUT /proxy/users/42?fields[]=firstname&integrated_account_id=ia_1',
    );
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ firstname: 'Ann' });
  });

  it('iterates a proxied list through its cursors', async () => {
    const { sb } = await client((req) =>
      req.url.includes('next_cursor=p2')
        ? { body: { result: [{ id: 2 }], next_cursor: null, prev_cursor: null, result_count: 1 } }
        : { body: { result: [{ id: 1 }], next_cursor: 'p2', prev_cursor: null, result_count: 1 } },
    );
    const items: unknown[] = [];
    for await (const item of sb.proxy.iterate({ integrated_account_id: 'ia_1', resource: 'events' }))
      items.push(item);
    expect(items).toEqual([{ id: 1 }, { id: 2 }]);
  });
});

describe('passthrough', () => {
  it('returns the upstream answer as it came, error statuses included', async () => {
    const { sb, requests } = await client(() => ({
      status: 403,
      headers: { 'content-type': 'text/plain', 'x-upstream': 'yes' },
      body: 'forbidden by upstream',
    }));
    const response = await sb.passthrough({
      integrated_account_id: 'ia_1',
      method: 'GET',
      path: '/api/2/users/a b',
      query: { page: 2 },
      headers: { Accept: 'text/plain', Authorization: 'Bearer not-mine' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-upstream')).toBe('yes');
    expect(await response.text()).toBe('forbidden by upstream');
    expect(requests[0]?.url).toBe('/passthrough/api/2/users/a%20b?page=2&integrated_account_id=ia_1');
    expect(requests[0]?.headers.accept).toBe('text/plain');
    expect(requests[0]?.headers.authorization).toBe('Bearer k');
  });

  it('refuses paths that would leave the integration base URL before sending', async () => {
    const { sb, requests } = await client(() => ({}));
    for (const path of ['https://evil.example/x', '//evil.example/x', 'api/../../admin/api-keys']) {
      await expect(
        sb.passthrough({ integrated_account_id: 'ia_1', method: 'GET', path }),
      ).rejects.toMatchObject({
        code: 'SB_ERR_SDK_PASSTHROUGH_PATH_INVALID',
      });
    }
    expect(requests).toHaveLength(0);
  });
});
