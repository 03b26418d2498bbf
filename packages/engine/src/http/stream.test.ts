import { gzipSync } from 'node:zlib';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { account, ORIGIN, testIntegration } from './testing/test-integration.js';
import { useHttpRuntime } from './testing/use-http-runtime.js';

const http = useHttpRuntime();

async function collect(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('stream (passthrough)', () => {
  it('sends the raw body with injected auth and returns the answer as it came', async () => {
    nock(ORIGIN).post('/auth/oauth2/v2/token').reply(200, { access_token: 'tok-stream', expires_in: 3600 });
    const gz = gzipSync(Buffer.from('{"id":9007199254740993}'));
    nock(ORIGIN, {
      reqheaders: { authorization: 'Bearer tok-stream', 'content-type': 'text/csv' },
      badheaders: ['cookie'],
    })
      .post('/api/2/import', 'a,b\n1,2\n')
      .reply(202, gz, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'keep-alive': 'timeout=5',
        'x-request-id': 'r-1',
        'set-cookie': 'upstream=1',
        'www-authenticate': 'Bearer realm="upstream"',
      });
    const response = await http.runtime.session(testIntegration(), account()).stream({
      method: 'POST',
      path: '/api/2/import',
      headers: {
        'Content-Type': 'text/csv',
        Cookie: 'caller=1',
        Authorization: 'Bearer caller-own-key',
        Connection: 'close',
      },
      rawBody: 'a,b\n1,2\n',
    });
    expect(response.status).toBe(202);
    expect(response.headers).toMatchObject({ 'content-encoding': 'gzip', 'x-request-id': 'r-1' });
    expect(response.headers['keep-alive']).toBeUndefined();
    // A cookie the upstream set answers Switchboard's credentials: it never reaches the caller.
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['www-authenticate']).toBeUndefined();
    expect(await collect(response.body)).toEqual(gz);
  });

  it('passes an upstream error status through instead of throwing', async () => {
    const integration = testIntegration({ auth: { type: 'none' } });
    nock(ORIGIN).get('/missing').reply(404, 'nope');
    const response = await http.runtime
      .session(integration, account())
      .stream({ method: 'GET', path: '/missing' });
    expect(response.status).toBe(404);
    expect((await collect(response.body)).toString()).toBe('nope');
  });

  it('retries idempotent calls but never replays a POST after a 5xx', async () => {
    const integration = testIntegration({ auth: { type: 'none' } });
    nock(ORIGIN).get('/x').reply(503, 'busy');
    nock(ORIGIN).get('/x').reply(200, 'ok');
    nock(ORIGIN).post('/x').reply(503, 'busy');
    const session = http.runtime.session(integration, account());
    expect((await session.stream({ method: 'GET', path: '/x' })).status).toBe(200);
    expect((await session.stream({ method: 'POST', path: '/x', rawBody: 'x' })).status).toBe(503);
  });

  it('refuses paths that leave the base URL', async () => {
    const integration = testIntegration({ auth: { type: 'none' } });
    await expect(
      http.runtime
        .session(integration, account())
        .stream({ method: 'GET', path: '/api/%2e%2e/%2e%2e/admin' }),
    ).rejects.toMatchObject({ code: 'SB_ERR_HTTP_FORBIDDEN_URL' });
  });
});
