import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Trace } from '../../trace.js';
import { createHttpRuntime } from '../create-http-runtime.js';
import type { HttpRuntime } from '../http-runtime.js';
import { type FakeTime, fakeTime } from '../testing/fake-time.js';
import { account, baseDefinition, ORIGIN, testIntegration } from '../testing/test-integration.js';
import type { RefreshLock } from '../token-store.js';
import { MemoryTokenStore } from './memory-token-store.js';

const TOKEN_PATH = '/auth/oauth2/v2/token';
let runtime: HttpRuntime;
let store: MemoryTokenStore;
let time: FakeTime;

beforeEach(() => {
  nock.disableNetConnect();
  time = fakeTime();
  store = new MemoryTokenStore();
  runtime = createHttpRuntime({ clock: time.clock, sleep: time.sleep, tokenStore: store });
});
afterEach(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await runtime.close();
});

/** Answers token requests with tok-1, tok-2, …; returns how many were made. */
function tokenEndpoint(expiresIn = 3600) {
  let count = 0;
  nock(ORIGIN)
    .post(TOKEN_PATH)
    .times(100)
    .reply(200, () => {
      count++;
      return { access_token: `tok-${count}`, expires_in: expiresIn };
    });
  return () => count;
}

const withVerify = (verify: Record<string, unknown>, revoke?: Record<string, unknown>) =>
  testIntegration({
    auth: { ...(baseDefinition()['auth'] as Record<string, unknown>), verify, ...(revoke ? { revoke } : {}) },
  });

describe('token cache', () => {
  it('reuses a token until refresh_skew before expiry, then refreshes before using it', async () => {
    const tokens = tokenEndpoint(600);
    const used: string[] = [];
    nock(ORIGIN)
      .get('/x')
      .times(3)
      .reply(200, (request: Request) => {
        used.push(String(request.headers.get('authorization')));
        return {};
      });
    const session = runtime.session(testIntegration(), account());
    await session.send({ method: 'GET', path: '/x' });
    time.advance(500_000); // 100 s left: outside the 60 s skew
    await session.send({ method: 'GET', path: '/x' });
    time.advance(50_000); // 50 s left: inside the skew
    await session.send({ method: 'GET', path: '/x' });
    expect(used).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2']);
    expect(tokens()).toBe(2);
  });

  it('refreshes once after a 401 and retries the request, noting it in the trace', async () => {
    const tokens = tokenEndpoint();
    nock(ORIGIN, { reqheaders: { authorization: 'Bearer tok-1' } })
      .get('/x')
      .reply(401, { message: 'Unauthorized' });
    nock(ORIGIN, { reqheaders: { authorization: 'Bearer tok-2' } })
      .get('/x')
      .reply(200, { ok: true });
    const trace = new Trace();
    const response = await runtime
      .session(testIntegration(), account())
      .send({ method: 'GET', path: '/x' }, { trace });
    expect(response.body).toEqual({ ok: true });
    expect(tokens()).toBe(2);
    const notes = trace.entries.flatMap((e) => (e.kind === 'request' ? [[e.label, e.status, e.note]] : []));
    expect(notes).toEqual([
      ['auth.token', 200, undefined],
      ['GET /x', 401, 'refreshed token after 401'],
      ['auth.token', 200, undefined],
      ['GET /x', 200, undefined],
    ]);
  });

  it('gives up after one refresh when the upstream keeps answering 401: the account needs re-authorizing', async () => {
    const tokens = tokenEndpoint();
    nock(ORIGIN).get('/x').times(2).reply(401, { message: 'Unauthorized' });
    await expect(
      runtime.session(testIntegration(), account()).send({ method: 'GET', path: '/x' }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_AUTH_NEEDS_REAUTH',
      details: { reason: 'Unauthorized (HTTP 401)', remote: { status: 401 } },
    });
    expect(tokens()).toBe(2);
  });

  it('makes exactly one token request for 50 concurrent requests on an expired token', async () => {
    await store.set('acme:acct-1', { access_token: 'tok-old', expires_at: time.clock() - 1 });
    const tokens = tokenEndpoint();
    nock(ORIGIN, { reqheaders: { authorization: 'Bearer tok-1' } })
      .get('/x')
      .times(50)
      .reply(200, {});
    const integration = testIntegration();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        runtime.session(integration, account()).send({ method: 'GET', path: '/x' }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(tokens()).toBe(1);
  });

  it('makes exactly one refresh when 50 concurrent requests get a 401', async () => {
    await store.set('acme:acct-1', { access_token: 'tok-revoked', expires_at: time.clock() + 3_600_000 });
    const tokens = tokenEndpoint();
    nock(ORIGIN, { reqheaders: { authorization: 'Bearer tok-revoked' } })
      .get('/x')
      .times(50)
      .reply(401, {});
    nock(ORIGIN, { reqheaders: { authorization: 'Bearer tok-1' } })
      .get('/x')
      .times(50)
      .reply(200, {});
    const integration = testIntegration();
    await Promise.all(
      Array.from({ length: 50 }, () =>
        runtime.session(integration, account()).send({ method: 'GET', path: '/x' }),
      ),
    );
    expect(tokens()).toBe(1);
  });

  it('holds the injected RefreshLock around the token request', async () => {
    const locked: string[] = [];
    const lock: RefreshLock = {
      async withLock(key, fn) {
        locked.push(key);
        return fn();
      },
    };
    const locking = createHttpRuntime({ clock: time.clock, sleep: time.sleep, refreshLock: lock });
    tokenEndpoint();
    nock(ORIGIN).get('/x').reply(200, {});
    await locking.session(testIntegration(), account()).send({ method: 'GET', path: '/x' });
    expect(locked).toEqual(['acme:acct-1']);
    await locking.close();
  });

  it('turns a refused token request into NeedsReauth with the upstream reason', async () => {
    nock(ORIGIN)
      .post(TOKEN_PATH)
      .reply(401, {
        status: { error: true, code: 401, type: 'Unauthorized', message: 'Authentication Failure' },
      });
    await expect(
      runtime.session(testIntegration(), account()).send({ method: 'GET', path: '/x' }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_AUTH_NEEDS_REAUTH',
      message: 'the account needs to be re-authorized: Authentication Failure (HTTP 401)',
    });
  });

  it('reports a failing token endpoint as TokenRequestFailed', async () => {
    nock(ORIGIN).post(TOKEN_PATH).reply(500, 'boom');
    await expect(
      runtime.session(testIntegration(), account()).send({ method: 'GET', path: '/x' }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_AUTH_TOKEN_REQUEST',
    });
  });
});

describe('verify', () => {
  it('obtains a fresh token and runs the declared verify request', async () => {
    await store.set('acme:acct-1', { access_token: 'tok-cached', expires_at: time.clock() + 3_600_000 });
    const tokens = tokenEndpoint();
    const verified = nock(ORIGIN, { reqheaders: { authorization: 'Bearer tok-1' } })
      .get('/api/2/users')
      .query({ limit: '1' })
      .reply(200, []);
    await runtime.verify(
      withVerify({ method: 'GET', path: '/api/2/users', query: { limit: '1' } }),
      account(),
    );
    expect(tokens()).toBe(1);
    expect(verified.isDone()).toBe(true);
    // Verifying leaves the store as it was: no token for credentials that may never become an account.
    expect(await store.get('acme:acct-1')).toMatchObject({ access_token: 'tok-cached' });
  });

  it('throws InvalidCredentials with the reason when the token request is refused', async () => {
    nock(ORIGIN)
      .post(TOKEN_PATH)
      .reply(400, {
        status: { error: true, code: 400, type: 'bad request', message: 'grant_type is incorrect/absent' },
      });
    await expect(runtime.verify(testIntegration(), account())).rejects.toMatchObject({
      code: 'SB_ERR_AUTH_INVALID_CREDENTIALS',
      message: 'the upstream refused the credentials: grant_type is incorrect/absent (HTTP 400)',
      details: { reason: 'grant_type is incorrect/absent (HTTP 400)' },
    });
  });

  it('throws InvalidCredentials when the verify request is refused', async () => {
    tokenEndpoint();
    nock(ORIGIN).get('/api/2/users').reply(401, { message: 'Insufficient Permission', statusCode: 401 });
    await expect(
      runtime.verify(withVerify({ method: 'GET', path: '/api/2/users', expect_status: [200] }), account()),
    ).rejects.toMatchObject({
      code: 'SB_ERR_AUTH_INVALID_CREDENTIALS',
      details: { remote: { status: 401 } },
    });
  });
});

describe('revoke', () => {
  const revoke = {
    method: 'POST',
    path: '/auth/oauth2/revoke',
    headers: {
      Authorization: 'client_id:{{ connection.client_id }}, client_secret:{{ connection.client_secret }}',
    },
    body: { access_token: '{{ token.access_token }}' },
  };

  it('revokes the cached token, forgets it, and a later call obtains a new one', async () => {
    const tokens = tokenEndpoint();
    nock(ORIGIN).get('/x').times(2).reply(200, {});
    nock(ORIGIN)
      .post('/auth/oauth2/revoke', { access_token: 'tok-1' })
      .reply(200, { status: { error: false } });
    const integration = withVerify({ method: 'GET', path: '/x' }, revoke);
    await runtime.session(integration, account()).send({ method: 'GET', path: '/x' });
    await runtime.revoke(integration, account());
    expect(await store.get('acme:acct-1')).toBeUndefined();
    await runtime.session(integration, account()).send({ method: 'GET', path: '/x' });
    expect(tokens()).toBe(2);
  });

  it('does not throw for a token the upstream already considers invalid', async () => {
    await store.set('acme:acct-1', { access_token: 'tok-stale' });
    nock(ORIGIN)
      .post('/auth/oauth2/revoke')
      .reply(401, { status: { error: true, message: 'Authentication Failure' } });
    await expect(
      runtime.revoke(withVerify({ method: 'GET', path: '/x' }, revoke), account()),
    ).resolves.toBeUndefined();
    expect(await store.get('acme:acct-1')).toBeUndefined();
  });

  it('makes no call when there is no token to revoke', async () => {
    await expect(
      runtime.revoke(withVerify({ method: 'GET', path: '/x' }, revoke), account()),
    ).resolves.toBeUndefined();
  });
});
