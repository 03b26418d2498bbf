import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { Trace } from '../../trace.js';
import { account, ORIGIN, testIntegration } from '../testing/test-integration.js';
import { useHttpRuntime } from '../testing/use-http-runtime.js';

const http = useHttpRuntime();
const retry = {
  max_attempts: 4,
  on_status: ['429', '5XX'],
  on_network_error: true,
  backoff: { initial: '1s', max: '8s', jitter: 'none' },
  max_wait: '60s',
};
const integration = testIntegration({ auth: { type: 'none' }, retry });
const session = () => http.runtime.session(integration, account());

const reset = (code: string) => Object.assign(new Error(`socket failure ${code}`), { code });

describe('retries', () => {
  it('rides out a burst of 503s with exponential backoff, tracing each attempt and wait', async () => {
    nock(ORIGIN).get('/x').times(3).reply(503, 'busy');
    nock(ORIGIN).get('/x').reply(200, { ok: true });
    const trace = new Trace();
    const response = await session().send({ method: 'GET', path: '/x' }, { trace });
    expect(response.body).toEqual({ ok: true });
    expect(http.time.sleeps).toEqual([1000, 2000, 4000]);
    expect(
      trace.entries.map((e) =>
        e.kind === 'request'
          ? `${e.attempt}:${e.status}:${e.note ?? ''}`
          : `wait:${e.kind === 'wait' ? e.ms : ''}`,
      ),
    ).toEqual([
      '1:503:retry after 503',
      'wait:1000',
      '2:503:retry after 503',
      'wait:2000',
      '3:503:retry after 503',
      'wait:4000',
      '4:200:',
    ]);
  });

  it('honours Retry-After in seconds', async () => {
    nock(ORIGIN).get('/x').reply(429, {}, { 'retry-after': '7' });
    nock(ORIGIN).get('/x').reply(200, {});
    await session().send({ method: 'GET', path: '/x' });
    expect(http.time.sleeps).toEqual([7000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const at = new Date(http.time.clock() + 12_000).toUTCString();
    nock(ORIGIN).get('/x').reply(503, {}, { 'retry-after': at });
    nock(ORIGIN).get('/x').reply(200, {});
    await session().send({ method: 'GET', path: '/x' });
    expect(http.time.sleeps).toEqual([12_000]);
  });

  it('reads a reset header declared under wait_from', async () => {
    const declared = testIntegration({
      auth: { type: 'none' },
      retry: { ...retry, wait_from: [{ header: 'X-RateLimit-Reset', format: 'delta_seconds' }] },
    });
    nock(ORIGIN).get('/x').reply(429, {}, { 'x-ratelimit-reset': '3' });
    nock(ORIGIN).get('/x').reply(200, {});
    await http.runtime.session(declared, account()).send({ method: 'GET', path: '/x' });
    expect(http.time.sleeps).toEqual([3000]);
  });

  it('fails fast with RateLimited and retry_at when the upstream asks for more than max_wait', async () => {
    nock(ORIGIN).get('/x').reply(429, { message: 'slow down' }, { 'retry-after': '3600' });
    const error = await session()
      .send({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'SB_ERR_HTTP_RATE_LIMITED',
      details: { retry_at: new Date(http.time.clock() + 3_600_000).toISOString(), remote: { status: 429 } },
    });
    expect(http.time.sleeps).toEqual([]);
  });

  it('gives up with the last status once max_attempts is reached', async () => {
    nock(ORIGIN).get('/x').times(4).reply(502, { message: 'bad gateway' });
    await expect(session().send({ method: 'GET', path: '/x' })).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_UPSTREAM_STATUS',
      details: { remote: { status: 502, body: { message: 'bad gateway' } } },
    });
    expect(http.time.sleeps).toHaveLength(3);
  });

  it('does not retry a POST after a 5xx, which it may have processed', async () => {
    nock(ORIGIN).post('/users').reply(503, {});
    await expect(session().send({ method: 'POST', path: '/users', body: {} })).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_UPSTREAM_STATUS',
    });
    expect(http.time.sleeps).toEqual([]);
  });

  it('retries a POST after a 429, which was not processed', async () => {
    nock(ORIGIN).post('/users').reply(429, {}, { 'retry-after': '1' });
    nock(ORIGIN).post('/users').reply(201, { id: 1 });
    expect((await session().send({ method: 'POST', path: '/users', body: {} })).status).toBe(201);
  });

  it('retries a POST marked idempotent after a 5xx', async () => {
    nock(ORIGIN).post('/search').reply(503, {});
    nock(ORIGIN).post('/search').reply(200, []);
    expect(
      (await session().send({ method: 'POST', path: '/search', body: {}, idempotent: true })).status,
    ).toBe(200);
  });

  it('retries network errors on idempotent requests', async () => {
    nock(ORIGIN).get('/x').replyWithError(reset('ECONNRESET'));
    nock(ORIGIN).get('/x').reply(200, { ok: true });
    const trace = new Trace();
    expect((await session().send({ method: 'GET', path: '/x' }, { trace })).body).toEqual({ ok: true });
    expect(trace.entries[0]).toMatchObject({
      kind: 'request',
      note: 'retry after network error (ECONNRESET)',
    });
  });

  it('does not retry a POST after a reset, but does after a refused connection', async () => {
    nock(ORIGIN).post('/users').replyWithError(reset('ECONNRESET'));
    await expect(session().send({ method: 'POST', path: '/users', body: {} })).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_NETWORK',
      details: { code: 'ECONNRESET', attempts: 1 },
    });
    nock(ORIGIN).post('/users').replyWithError(reset('ECONNREFUSED'));
    nock(ORIGIN).post('/users').reply(201, {});
    expect((await session().send({ method: 'POST', path: '/users', body: {} })).status).toBe(201);
  });

  it('does not retry network errors when on_network_error is off', async () => {
    const strict = testIntegration({ auth: { type: 'none' }, retry: { ...retry, on_network_error: false } });
    nock(ORIGIN).get('/x').replyWithError(reset('ETIMEDOUT'));
    await expect(
      http.runtime.session(strict, account()).send({ method: 'GET', path: '/x' }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_TIMEOUT',
    });
  });

  it('stops retrying when the next backoff would exceed max_wait', async () => {
    const impatient = testIntegration({ auth: { type: 'none' }, retry: { ...retry, max_wait: '2s' } });
    nock(ORIGIN).get('/x').times(3).reply(503, {});
    await expect(
      http.runtime.session(impatient, account()).send({ method: 'GET', path: '/x' }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_UPSTREAM_STATUS',
    });
    expect(http.time.sleeps).toEqual([1000]);
  });
});
