/**
 * Upstream records are written back as the bytes the upstream sent (issues 15 and 19): the proxy's items and
 * unified `remote_data` keep the upstream's own spelling, while the answer stays the same JSON value, and a body
 * whose re-serialisation would differ (unsafe integers) is still answered as before.
 */
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack, type Tenant } from './stack.js';

/** A relay in front of the simulator that rewrites the text of `GET /api/2/users` answers. */
async function startRewritingRelay(target: string) {
  const relay = {
    rewrite: (text: string) => text,
    /** The last users body sent. */
    sent: '',
    url: '',
    server: undefined as Server | undefined,
  };
  const server = createServer((incoming, outgoing) => {
    const headers = { ...incoming.headers };
    delete headers['accept-encoding'];
    const upstream = forward(
      new URL(incoming.url ?? '/', target),
      { method: incoming.method, headers },
      (answer) => {
        if (!incoming.url?.startsWith('/api/2/users')) {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          relay.sent = relay.rewrite(Buffer.concat(chunks).toString('utf8'));
          const { 'content-length': _length, ...rest } = answer.headers;
          outgoing.writeHead(answer.statusCode ?? 502, rest);
          outgoing.end(relay.sent);
        });
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  relay.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  relay.server = server;
  return relay;
}

let stack: Stack;
let relay: Awaited<ReturnType<typeof startRewritingRelay>>;
let owner: Tenant;
let account: string;

beforeAll(async () => {
  stack = await startStack({
    simulator: { users: 10 },
    upstream: async (simUrl) => {
      relay = await startRewritingRelay(simUrl);
      return relay.url;
    },
  });
  owner = await stack.tenant();
  account = await stack.link(owner);
}, 60_000);

afterAll(async () => {
  await stack.close();
  relay.server?.closeAllConnections();
  await new Promise((resolve) => relay.server?.close(resolve));
});

/** A space after every name, and an `a` opening a string escaped: the same JSON, spelt differently. */
const respell = (text: string) => text.replaceAll('":', '": ').replaceAll('"a', '"\\u0061');

const get = (url: string) => stack.inject({ url, headers: owner.headers });

describe('upstream record bytes', () => {
  it('the proxy answers the items exactly as the upstream sent them', async () => {
    relay.rewrite = respell;
    const response = await get(`/proxy/users?integrated_account_id=${account}&limit=4`);
    expect(response.statusCode).toBe(200);
    // The upstream page is the root array of the 4 items: the answer's `result` is that text.
    expect(response.body.startsWith(`{"result":${relay.sent},"next_cursor":"`)).toBe(true);
    const answer = response.json();
    expect(answer.result).toEqual(JSON.parse(relay.sent));
    expect(answer).toMatchObject({ prev_cursor: null, result_count: 4 });
    const next = await get(
      `/proxy/users?integrated_account_id=${account}&limit=4&next_cursor=${answer.next_cursor}`,
    );
    expect(next.json()).toMatchObject({ result_count: 4 });
  });

  it('an answer made of parts of several upstream pages holds each item once, in order', async () => {
    // Blank lines between the items, so a run of items copied at once carries the upstream's separators.
    relay.rewrite = (text) => respell(text).replaceAll('},{', '} ,\n\n {');
    const all = (await get(`/proxy/users?integrated_account_id=${account}&limit=10`)).json().result;
    // Upstream pages of 3 (the first call's limit, kept by the cursor): the second answer is page 2 and the first
    // two items of page 3.
    const first = (await get(`/proxy/users?integrated_account_id=${account}&limit=3`)).json();
    const second = await get(
      `/proxy/users?integrated_account_id=${account}&limit=5&next_cursor=${first.next_cursor}`,
    );
    expect(second.body).toContain('} ,\n\n {');
    expect([...first.result, ...second.json().result]).toEqual(all.slice(0, 8));
  });

  it('unified records carry the upstream bytes as remote_data and the same unified fields', async () => {
    relay.rewrite = respell;
    const url = `/unified/user-directory/users?integrated_account_id=${account}&limit=3`;
    const withRemote = await get(url);
    expect(withRemote.statusCode).toBe(200);
    expect(withRemote.headers['content-type']).toBe('application/json; charset=utf-8');
    const upstream = JSON.parse(relay.sent) as unknown[];
    expect(withRemote.body).toContain('"remote_data":{"\\u0061ctivated_at": ');
    const records = withRemote.json().result as Record<string, unknown>[];
    expect(records.map((record) => record['remote_data'])).toEqual(upstream);

    const without = (await get(`${url}&remote_data=false`)).json();
    expect(records.map(({ remote_data: _, ...unified }) => unified)).toEqual(without.result);
    expect(withRemote.json()).toMatchObject({ result_count: 3, next_cursor: without.next_cursor });
  });

  it('a body with integers beyond 2^53 is answered as before: such integers as strings', async () => {
    relay.rewrite = (text) =>
      text.replaceAll('"invalid_login_attempts":0', '"invalid_login_attempts":9007199254740993');
    const proxy = (await get(`/proxy/users?integrated_account_id=${account}&limit=2`)).json();
    expect(proxy.result[0].invalid_login_attempts).toBe('9007199254740993');
    const unified = (
      await get(`/unified/user-directory/users?integrated_account_id=${account}&limit=2`)
    ).json();
    expect(unified.result[0].remote_data.invalid_login_attempts).toBe('9007199254740993');
  });
});
