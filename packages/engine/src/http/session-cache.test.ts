import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpRuntime } from './create-http-runtime.js';
import type { HttpRuntime } from './http-runtime.js';
import { fakeTime } from './testing/fake-time.js';
import { account, testIntegration } from './testing/test-integration.js';

let runtime: HttpRuntime;

beforeEach(() => {
  nock.disableNetConnect();
  const time = fakeTime();
  runtime = createHttpRuntime({ clock: time.clock, sleep: time.sleep });
});
afterEach(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await runtime.close();
});

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
      const session = runtime.session(integration, account('acct-1', { ...FIRST }));
      await session.send({ method: 'GET', path: '/api/2/users' });
    }
    expect(scope.isDone()).toBe(true);
  });

  it('uses changed connection values on the very next call, and masks the new secret', async () => {
    expectCall('https://acme.upstream.test', FIRST.api_key);
    await runtime
      .session(integration, account('acct-1', FIRST))
      .send({ method: 'GET', path: '/api/2/users' });

    nock('https://other.upstream.test')
      .get('/api/2/users')
      .matchHeader('authorization', `Bearer ${SECOND.api_key}`)
      .reply(500, { echo: SECOND.api_key });
    const error = await runtime
      .session(integration, account('acct-1', SECOND))
      .send({ method: 'GET', path: '/api/2/users', idempotent: false })
      .catch((e: unknown) => e);
    expect(JSON.stringify((error as { details: unknown }).details)).not.toContain(SECOND.api_key);
    expect((error as { details: { remote: { status: number } } }).details.remote.status).toBe(500);
  });

  it('keeps accounts apart', async () => {
    expectCall('https://acme.upstream.test', FIRST.api_key, 2);
    expectCall('https://other.upstream.test', SECOND.api_key);
    await runtime
      .session(integration, account('acct-1', FIRST))
      .send({ method: 'GET', path: '/api/2/users' });
    await runtime
      .session(integration, account('acct-2', SECOND))
      .send({ method: 'GET', path: '/api/2/users' });
    await runtime
      .session(integration, account('acct-1', FIRST))
      .send({ method: 'GET', path: '/api/2/users' });
    expect(nock.isDone()).toBe(true);
  });
});
