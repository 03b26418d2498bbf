import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpRuntime } from '../create-http-runtime.js';
import type { HttpRuntime } from '../http-runtime.js';
import { fakeTime } from '../testing/fake-time.js';
import {
  account,
  baseDefinition,
  CLIENT_ID,
  CLIENT_SECRET,
  CONNECTION,
  ORIGIN,
  testIntegration,
} from '../testing/test-integration.js';
import { MemoryTokenStore } from './memory-token-store.js';

let runtime: HttpRuntime;
let store: MemoryTokenStore;

beforeEach(() => {
  nock.disableNetConnect();
  const time = fakeTime();
  store = new MemoryTokenStore();
  runtime = createHttpRuntime({ clock: time.clock, sleep: time.sleep, tokenStore: store });
});
afterEach(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await runtime.close();
});

const oauth = (tokenRequest: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const auth = baseDefinition()['auth'] as Record<string, unknown>;
  return testIntegration({ auth: { ...auth, token_request: tokenRequest, ...extra } });
};

describe('oauth2_client_credentials', () => {
  it('sends the OneLogin-style credential header with a JSON body, then the bearer token', async () => {
    nock(ORIGIN, {
      reqheaders: {
        authorization: `client_id:${CLIENT_ID}, client_secret:${CLIENT_SECRET}`,
        'content-type': 'application/json',
      },
    })
      .post('/auth/oauth2/v2/token', { grant_type: 'client_credentials' })
      .reply(200, { access_token: 'tok-1111', expires_in: 36000, token_type: 'bearer' });
    nock(ORIGIN, { reqheaders: { authorization: 'Bearer tok-1111' } })
      .get('/api/2/users')
      .reply(200, [{ id: 1 }]);

    const response = await runtime
      .session(testIntegration(), account())
      .send({ method: 'GET', path: '/api/2/users' });
    expect(response.body).toEqual([{ id: 1 }]);
    expect(await store.get('acme:acct-1')).toMatchObject({ access_token: 'tok-1111', token_type: 'bearer' });
  });

  it('supports Basic client auth with a form body and scopes', async () => {
    const integration = oauth(
      { path: '/oauth/token', client_auth: { type: 'basic' } },
      { scopes: ['users:read', 'groups:read'] },
    );
    const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
    nock(ORIGIN, {
      reqheaders: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    })
      .post('/oauth/token', 'grant_type=client_credentials&scope=users%3Aread+groups%3Aread')
      .reply(200, { access_token: 'tok-basic' });
    nock(ORIGIN, { reqheaders: { authorization: 'Bearer tok-basic' } })
      .get('/x')
      .reply(200, {});
    await runtime.session(integration, account()).send({ method: 'GET', path: '/x' });
    expect(nock.isDone()).toBe(true);
  });

  it('supports credentials in the body under custom names and an absolute token URL', async () => {
    const integration = oauth({
      path: 'https://login.upstream.test/token',
      client_auth: { type: 'body', client_id_name: 'appId', client_secret_name: 'appSecret' },
      body: { audience: 'api' },
    });
    nock('https://login.upstream.test')
      .post('/token', {
        grant_type: 'client_credentials',
        audience: 'api',
        appId: CLIENT_ID,
        appSecret: CLIENT_SECRET,
      })
      .reply(200, { access_token: 'tok-body' });
    nock(ORIGIN, { reqheaders: { authorization: 'Bearer tok-body' } })
      .get('/x')
      .reply(200, {});
    await runtime.session(integration, account()).send({ method: 'GET', path: '/x' });
    expect(nock.isDone()).toBe(true);
  });

  it('reads token fields through the declared JSONata paths and injects where declared', async () => {
    const integration = oauth(
      { path: '/auth/oauth2/token', client_auth: { type: 'basic' } },
      {
        token_response: { access_token: 'data[0].token', expires_in: 'data[0].ttl' },
        inject: { in: 'query', name: 'access_token', value: '{{ token.access_token }}' },
      },
    );
    nock(ORIGIN)
      .post('/auth/oauth2/token')
      .reply(200, { status: { error: false }, data: [{ token: 'tok-v1', ttl: 3600 }] });
    nock(ORIGIN).get('/x').query({ access_token: 'tok-v1' }).reply(200, {});
    await runtime.session(integration, account()).send({ method: 'GET', path: '/x' });
    expect(nock.isDone()).toBe(true);
    expect((await store.get('acme:acct-1'))?.expires_at).toBeGreaterThan(0);
  });
});

describe('oauth2_authorization_code', () => {
  const integration = () =>
    testIntegration({
      connection: {
        client_id: { type: 'string', label: 'Client ID' },
        client_secret: { type: 'string', label: 'Client secret', secret: true },
        refresh_token: { type: 'string', label: 'Refresh token', secret: true },
      },
      base_url: 'https://acme.upstream.test',
      auth: {
        type: 'oauth2_authorization_code',
        token_request: { path: '/oauth/token', client_auth: { type: 'body' } },
        refresh_token_field: 'refresh_token',
      },
    });
  const linked = (refreshToken: string) =>
    account('acct-1', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, refresh_token: refreshToken });

  it('refreshes with the connection refresh token, then with the rotated one it stored', async () => {
    const bodies: string[] = [];
    nock(ORIGIN)
      .post('/oauth/token')
      .times(2)
      .reply(200, async (request: Request) => {
        const body = new URLSearchParams(await request.text());
        bodies.push(`${body.get('grant_type')}:${body.get('refresh_token')}`);
        return bodies.length === 1
          ? { access_token: 'acc-1', expires_in: 1, refresh_token: 'rt-rotated-1' }
          : { access_token: 'acc-2', expires_in: 3600 };
      });
    nock(ORIGIN).get('/x').times(2).reply(200, {});
    const session = runtime.session(integration(), linked('rt-initial'));
    await session.send({ method: 'GET', path: '/x' });
    // expires_in 1s is inside the 60s skew: the next call refreshes again, with the rotated token.
    await session.send({ method: 'GET', path: '/x' });
    expect(bodies).toEqual(['refresh_token:rt-initial', 'refresh_token:rt-rotated-1']);
    expect(await store.get('acme:acct-1')).toMatchObject({
      access_token: 'acc-2',
      refresh_token: 'rt-rotated-1',
    });
  });

  it('starts again from the connection refresh token after the account is linked again', async () => {
    const seen: (string | null)[] = [];
    nock(ORIGIN)
      .post('/oauth/token')
      .times(2)
      .reply(200, async (request: Request) => {
        seen.push(new URLSearchParams(await request.text()).get('refresh_token'));
        return {
          access_token: `acc-${seen.length}`,
          expires_in: 3600,
          refresh_token: `rt-next-${seen.length}`,
        };
      });
    nock(ORIGIN).get('/x').times(2).reply(200, {});
    await runtime.session(integration(), linked('rt-first-link')).send({ method: 'GET', path: '/x' });
    await runtime.session(integration(), linked('rt-second-link')).send({ method: 'GET', path: '/x' });
    expect(seen).toEqual(['rt-first-link', 'rt-second-link']);
  });
});

describe('static credentials', () => {
  const connection = { ...CONNECTION, api_key: 'key-abcdef-123' };
  const withKey = (auth: Record<string, unknown>) =>
    testIntegration({
      connection: {
        ...(baseDefinition()['connection'] as Record<string, unknown>),
        api_key: { type: 'string', label: 'API key', secret: true },
      },
      auth,
    });

  it('puts an api_key in a header', async () => {
    nock(ORIGIN, { reqheaders: { 'x-api-key': 'key-abcdef-123' } })
      .get('/x')
      .reply(200, {});
    await runtime
      .session(
        withKey({ type: 'api_key', in: 'header', name: 'X-Api-Key', value: '{{ connection.api_key }}' }),
        account('a', connection),
      )
      .send({ method: 'GET', path: '/x' });
    expect(nock.isDone()).toBe(true);
  });

  it('puts an api_key in the query', async () => {
    nock(ORIGIN).get('/x').query({ page: '2', hapikey: 'key-abcdef-123' }).reply(200, {});
    await runtime
      .session(
        withKey({ type: 'api_key', in: 'query', name: 'hapikey', value: '{{ connection.api_key }}' }),
        account('a', connection),
      )
      .send({ method: 'GET', path: '/x', query: { page: '2' } });
    expect(nock.isDone()).toBe(true);
  });

  it('sends a static bearer token', async () => {
    nock(ORIGIN, { reqheaders: { authorization: 'Bearer key-abcdef-123' } })
      .get('/x')
      .reply(200, {});
    await runtime
      .session(withKey({ type: 'bearer', token: '{{ connection.api_key }}' }), account('a', connection))
      .send({ method: 'GET', path: '/x' });
    expect(nock.isDone()).toBe(true);
  });

  it('sends HTTP Basic credentials', async () => {
    const expected = `Basic ${Buffer.from(`${CLIENT_ID}:key-abcdef-123`).toString('base64')}`;
    nock(ORIGIN, { reqheaders: { authorization: expected } })
      .get('/x')
      .reply(200, {});
    await runtime
      .session(
        withKey({
          type: 'basic',
          username: '{{ connection.client_id }}',
          password: '{{ connection.api_key }}',
        }),
        account('a', connection),
      )
      .send({ method: 'GET', path: '/x' });
    expect(nock.isDone()).toBe(true);
  });

  it('sends nothing for auth none', async () => {
    nock(ORIGIN, { badheaders: ['authorization'] })
      .get('/x')
      .reply(200, {});
    await runtime
      .session(testIntegration({ auth: { type: 'none' } }), account())
      .send({ method: 'GET', path: '/x' });
    expect(nock.isDone()).toBe(true);
  });
});
