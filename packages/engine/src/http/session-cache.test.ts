import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { SESSION_TTL_MS, SessionCache } from './session-cache.js';
import { account, testIntegration } from './testing/test-integration.js';
import { useHttpRuntime } from './testing/use-http-runtime.js';

const http = useHttpRuntime();

/** Bearer-token auth with the key and the host taken from the connection, so a changed value is visible. */
const integration = testIntegration({
  connection: {
    subdomain: { type: 'string', label: 'Subdomain' },
    api_key: { type: 'string', label: 'API key', secret: true },
  },
  auth: { type: 'bearer', token: '{{ connection.api_key }}' },
});
const FIRST = { subdomain: 'acme', api_key: 'first-api-key-1111' };
const SECOND = { subdomain: 'other', api_key: 'second-api-key-2222' };

function expectCall(origin: string, key: string, times = 1) {
  return nock(origin)
    .get('/api/2/users')
    .times(times)
    .matchHeader('authorization', `Bearer ${key}`)
    .reply(200, []);
}

describe('account sessions reused between calls', () => {
  it('serves repeated calls of an unchanged account', async () => {
    const scope = expectCall('https://acme.upstream.test', FIRST.api_key, 3);
    for (let i = 0; i < 3; i++) {
      // A fresh connection object each time, as the API builds it from the store.
      const session = http.runtime.session(integration, account('acct-1', { ...FIRST }));
      await session.send({ method: 'GET', path: '/api/2/users' });
    }
    expect(scope.isDone()).toBe(true);
  });

  it('uses changed connection values on the very next call, and masks the new secret', async () => {
    expectCall('https://acme.upstream.test', FIRST.api_key);
    await http.runtime
      .session(integration, account('acct-1', FIRST))
      .send({ method: 'GET', path: '/api/2/users' });

    nock('https://other.upstream.test')
      .get('/api/2/users')
      .matchHeader('authorization', `Bearer ${SECOND.api_key}`)
      .reply(500, { echo: SECOND.api_key });
    const error = await http.runtime
      .session(integration, account('acct-1', SECOND))
      .send({ method: 'GET', path: '/api/2/users', idempotent: false })
      .catch((e: unknown) => e);
    expect(JSON.stringify((error as { details: unknown }).details)).not.toContain(SECOND.api_key);
    expect((error as { details: { remote: { status: number } } }).details.remote.status).toBe(500);
  });

  it('keeps accounts apart', async () => {
    expectCall('https://acme.upstream.test', FIRST.api_key, 2);
    expectCall('https://other.upstream.test', SECOND.api_key);
    await http.runtime
      .session(integration, account('acct-1', FIRST))
      .send({ method: 'GET', path: '/api/2/users' });
    await http.runtime
      .session(integration, account('acct-2', SECOND))
      .send({ method: 'GET', path: '/api/2/users' });
    await http.runtime
      .session(integration, account('acct-1', FIRST))
      .send({ method: 'GET', path: '/api/2/users' });
    expect(nock.isDone()).toBe(true);
  });
});

describe('the session cache', () => {
  const build = (secretForms = 0) => ({ secretForms });
  const connection = { subdomain: 'acme', api_key: 'k-1' };

  it('builds a fresh session once the time to live has passed', () => {
    let now = 0;
    const cache = new SessionCache<{ secretForms: number }>(() => now);
    const first = cache.get(integration, account('acct-1', connection), build);
    now = SESSION_TTL_MS - 1;
    expect(cache.get(integration, account('acct-1', connection), build)).toBe(first);
    now = SESSION_TTL_MS;
    expect(cache.get(integration, account('acct-1', connection), build)).not.toBe(first);
  });

  it('does not reuse a session whose redactor has grown past its bound', () => {
    const cache = new SessionCache<{ secretForms: number }>(() => 0);
    const grown = cache.get(integration, account('acct-1', connection), () => build(257));
    expect(cache.get(integration, account('acct-1', connection), build)).not.toBe(grown);
    const small = cache.get(integration, account('acct-1', connection), () => build(256));
    expect(cache.get(integration, account('acct-1', connection), build)).toBe(small);
  });

  it('forgets the least recently built account beyond 2,000 per integration', () => {
    const cache = new SessionCache<{ secretForms: number }>(() => 0);
    const sessions = new Map<string, { secretForms: number }>();
    for (let i = 0; i <= 2000; i++) {
      const id = `acct-${i}`;
      sessions.set(id, cache.get(integration, account(id, connection), build));
    }
    expect(cache.get(integration, account('acct-2000', connection), build)).toBe(sessions.get('acct-2000'));
    expect(cache.get(integration, account('acct-1', connection), build)).toBe(sessions.get('acct-1'));
    expect(cache.get(integration, account('acct-0', connection), build)).not.toBe(sessions.get('acct-0'));
  });
});
