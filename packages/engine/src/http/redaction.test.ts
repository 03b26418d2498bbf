import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Trace } from '../trace.js';
import { createHttpRuntime } from './create-http-runtime.js';
import type { HttpRuntime } from './http-runtime.js';
import { fakeTime } from './testing/fake-time.js';
import {
  account,
  baseDefinition,
  CLIENT_ID,
  CLIENT_SECRET,
  CONNECTION,
  ORIGIN,
  testIntegration,
} from './testing/test-integration.js';

const TOKEN = 'obtained-access-token-9f8e7d';
const REFRESH = 'obtained-refresh-token-1a2b3c';
const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
const SECRETS = [CLIENT_SECRET, TOKEN, REFRESH, BASIC];

let runtime: HttpRuntime;
const logged: unknown[] = [];

beforeEach(() => {
  nock.disableNetConnect();
  logged.length = 0;
  const time = fakeTime();
  const logger = {
    debug: (o: object, m: string) => logged.push([o, m]),
    warn: (o: object, m: string) => logged.push([o, m]),
  };
  runtime = createHttpRuntime({ clock: time.clock, sleep: time.sleep, logger });
});
afterEach(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await runtime.close();
});

const leaks = (value: unknown) => {
  const text = JSON.stringify(value);
  return SECRETS.filter((secret) => text.includes(secret));
};

const errorView = (error: unknown) => {
  const e = error as { message: string; details: unknown; code: string };
  return { code: e.code, message: e.message, details: e.details };
};

describe('secrets never reach traces, errors or logs', () => {
  it('masks the client secret, the obtained tokens and the Basic form of the credentials', async () => {
    const integration = testIntegration({
      auth: {
        ...(baseDefinition()['auth'] as Record<string, unknown>),
        token_request: { path: '/oauth/token', client_auth: { type: 'basic' } },
      },
    });
    nock(ORIGIN)
      .post('/oauth/token')
      .reply(200, { access_token: TOKEN, refresh_token: REFRESH, expires_in: 3600 });
    nock(ORIGIN)
      .get('/api/2/users')
      .query(true)
      .reply(
        400,
        {
          message: `token ${TOKEN} is not allowed`,
          echo: { authorization: `Basic ${BASIC}`, note: CLIENT_SECRET },
        },
        { 'set-cookie': 'session=abc123456', 'x-echo': TOKEN },
      );
    const trace = new Trace();
    const error = await runtime
      .session(integration, account())
      .send({ method: 'GET', path: '/api/2/users', query: { note: CLIENT_SECRET } }, { trace })
      .catch((e: unknown) => e);

    expect(errorView(error)).toMatchObject({ code: 'SB_ERR_HTTP_UPSTREAM_STATUS' });
    expect(trace.entries.length).toBe(2);
    expect(leaks(trace.entries)).toEqual([]);
    expect(leaks(errorView(error))).toEqual([]);
    expect(leaks(logged)).toEqual([]);
    expect(JSON.stringify(trace.entries)).not.toContain('abc123456');
  });

  it('masks secrets echoed by a refusing token endpoint', async () => {
    nock(ORIGIN)
      .post('/auth/oauth2/v2/token')
      .reply(401, { message: `bad secret ${CLIENT_SECRET}`, client_secret: CLIENT_SECRET });
    const trace = new Trace();
    const error = await runtime
      .session(testIntegration(), account())
      .send({ method: 'GET', path: '/x' }, { trace })
      .catch((e: unknown) => e);
    expect(errorView(error)).toMatchObject({ code: 'SB_ERR_AUTH_NEEDS_REAUTH' });
    expect(leaks(errorView(error))).toEqual([]);
    expect(leaks(trace.entries)).toEqual([]);
  });

  it('masks a query-string API key in traced URLs and in session.redact', async () => {
    const apiKey = 'query-api-key-314159';
    const integration = testIntegration({
      connection: {
        ...(baseDefinition()['connection'] as Record<string, unknown>),
        api_key: { type: 'string', label: 'Key', secret: true },
      },
      auth: { type: 'api_key', in: 'query', name: 'key', value: '{{ connection.api_key }}' },
    });
    nock(ORIGIN).get('/x').query(true).reply(200, {});
    const trace = new Trace();
    const session = runtime.session(integration, account('a', { ...CONNECTION, api_key: apiKey }));
    const response = await session.send({ method: 'GET', path: '/x' }, { trace });
    expect(JSON.stringify(trace.entries)).not.toContain(apiKey);
    expect(response.url).toBe('https://acme.upstream.test/x?key=[REDACTED]');
    expect(session.redact(`oops ${apiKey}`)).toBe('oops [REDACTED]');
  });
});
