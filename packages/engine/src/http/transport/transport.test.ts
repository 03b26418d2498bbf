import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpRuntime } from '../create-http-runtime.js';
import type { HttpRuntime } from '../http-runtime.js';
import { fakeTime } from '../testing/fake-time.js';
import { account, ORIGIN, testIntegration } from '../testing/test-integration.js';

const noAuth = testIntegration({ auth: { type: 'none' } });
let runtime: HttpRuntime;

beforeEach(() => {
  nock.disableNetConnect();
  const time = fakeTime();
  runtime = createHttpRuntime({ clock: time.clock, sleep: time.sleep, maxResponseBytes: 1024 });
});
afterEach(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await runtime.close();
});

const session = () => runtime.session(noAuth, account());

describe('response bodies', () => {
  it('keeps an id above 2^53 exact', async () => {
    nock(ORIGIN)
      .get('/api/2/users/1')
      .reply(200, '{"id": 9007199254740993}', { 'content-type': 'application/json' });
    const response = await session().send({ method: 'GET', path: '/api/2/users/1' });
    expect(response.body).toEqual({ id: '9007199254740993' });
  });

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
  ])('decodes %s bodies', async (encoding, compress) => {
    nock(ORIGIN)
      .get('/x')
      .reply(200, compress(Buffer.from('[{"id":1}]')), {
        'content-type': 'application/json; charset=utf-8',
        'content-encoding': encoding,
      });
    expect((await session().send({ method: 'GET', path: '/x' })).body).toEqual([{ id: 1 }]);
  });

  it('returns text for non-JSON bodies and null for empty ones', async () => {
    nock(ORIGIN).get('/text').reply(200, 'plain words', { 'content-type': 'text/plain' });
    nock(ORIGIN).delete('/gone').reply(204);
    expect((await session().send({ method: 'GET', path: '/text' })).body).toBe('plain words');
    expect((await session().send({ method: 'DELETE', path: '/gone' })).body).toBeNull();
  });

  it('refuses invalid JSON that claims to be JSON, keeping the status', async () => {
    nock(ORIGIN).get('/x').reply(200, '{"broken":', { 'content-type': 'application/json' });
    await expect(session().send({ method: 'GET', path: '/x' })).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_INVALID_RESPONSE',
      details: { status: 200 },
    });
  });

  it('refuses bodies over the size cap, declared, streamed or decompressed', async () => {
    const big = JSON.stringify({ data: 'x'.repeat(2000) });
    nock(ORIGIN)
      .get('/declared')
      .reply(200, big, { 'content-type': 'application/json', 'content-length': String(big.length) });
    nock(ORIGIN).get('/streamed').reply(200, big, { 'content-type': 'application/json' });
    nock(ORIGIN)
      .get('/bomb')
      .reply(200, gzipSync(Buffer.from(big)), {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      });
    for (const path of ['/declared', '/streamed', '/bomb'])
      await expect(session().send({ method: 'GET', path })).rejects.toMatchObject({
        code: 'SB_ERR_HTTP_RESPONSE_TOO_LARGE',
        details: { limit: 1024 },
      });
  });
});

describe('requests', () => {
  it('sends JSON bodies, repeated query parameters and declared headers', async () => {
    const integration = testIntegration({ auth: { type: 'none' }, headers: { 'X-Api-Version': '2' } });
    nock(ORIGIN, { reqheaders: { 'x-api-version': '2', 'content-type': 'application/json' } })
      .post('/api/2/users', { email: 'a@b.test' })
      .query({ role: ['1', '2'] })
      .reply(201, { id: 5 });
    const response = await runtime.session(integration, account()).send({
      method: 'POST',
      path: '/api/2/users',
      query: { role: ['1', '2'] },
      body: { email: 'a@b.test' },
    });
    expect(response).toMatchObject({ status: 201, body: { id: 5 } });
  });

  it('uses the operator override instead of the declared base URL', async () => {
    const overridden = createHttpRuntime({ upstreamOverrides: { acme: 'https://sim.local.test/prefix' } });
    nock('https://sim.local.test').get('/prefix/api/2/users').reply(200, []);
    const response = await overridden
      .session(noAuth, account())
      .send({ method: 'GET', path: '/api/2/users' });
    expect(response.url).toBe('https://sim.local.test/prefix/api/2/users');
    await overridden.close();
  });

  it.each(['https://evil.test/api', '/api/../../admin', '//evil.test/x'])(
    'refuses to leave the base URL: %s',
    async (path) => {
      await expect(session().send({ method: 'GET', path })).rejects.toMatchObject({
        code: 'SB_ERR_HTTP_FORBIDDEN_URL',
      });
    },
  );

  it('throws UpstreamStatus with the remote answer for a final non-2xx', async () => {
    nock(ORIGIN)
      .get('/api/2/users/9')
      .reply(404, { message: 'The resource with the given id could not be found', statusCode: 404 });
    await expect(
      session().send({ method: 'GET', path: '/api/2/users/9', label: 'users.get' }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_UPSTREAM_STATUS',
      message: 'upstream answered 404 to users.get',
      details: { remote: { status: 404, body: { statusCode: 404 } } },
    });
  });
});

describe('requests undici refuses to send', () => {
  it('answers a header value with CR/LF as invalid input once, never as a retried network failure', async () => {
    const integration = testIntegration({
      auth: { type: 'none' },
      retry: { max_attempts: 3, on_network_error: true },
    });
    const error = await runtime
      .session(integration, account())
      .send({ method: 'GET', path: '/users', headers: { 'x-tenant': 'a\r\nx-injected: 1' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SB_ERR_RUN_INVALID_INPUT' });
    expect((error as Error).message).not.toContain('x-injected');
  });
});

describe('timeouts (real local server)', () => {
  let server: Server;
  let origin: string;

  beforeEach(async () => {
    nock.enableNetConnect('127.0.0.1');
    server = createServer((request, response) => {
      if (request.url === '/slow-headers') setTimeout(() => response.end('late'), 5000);
      else if (request.url === '/slow-body') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('start');
        setTimeout(() => response.end('end'), 5000);
      } else if (request.url === '/reset') request.socket.destroy();
      else response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  // undici checks these timeouts on a ~1 s tick, so the server stalls well beyond that.
  const local = (attempts = 2) => {
    const integration = testIntegration({
      auth: { type: 'none' },
      timeouts: { headers: '100ms', body: '100ms' },
      retry: { max_attempts: attempts, on_network_error: true },
    });
    return createHttpRuntime({ upstreamOverrides: { acme: origin }, sleep: async () => {} }).session(
      integration,
      account(),
    );
  };

  it('times out waiting for headers or for the body', async () => {
    await expect(local(1).send({ method: 'GET', path: '/slow-headers' })).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_TIMEOUT',
      details: { code: 'UND_ERR_HEADERS_TIMEOUT', attempts: 1 },
    });
    await expect(local(1).send({ method: 'GET', path: '/slow-body' })).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_TIMEOUT',
      details: { code: 'UND_ERR_BODY_TIMEOUT' },
    });
  });

  it('reports a connection reset as a network failure with its cause', async () => {
    const error = await local()
      .send({ method: 'GET', path: '/reset' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SB_ERR_HTTP_NETWORK', details: { attempts: 2 } });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
