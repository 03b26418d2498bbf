import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSimulator, type Simulator } from '../simulator.js';
import { CUSTOM_AUTH, requestToken } from '../testing/harness.js';

const AUTH_FAILURE = {
  status: { error: true, code: 401, type: 'Unauthorized', message: 'Authentication Failure' },
};
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('token endpoints', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await buildSimulator({ users: 5 });
  });
  afterEach(() => sim.close());

  const post = (headers: Record<string, string>, payload?: string, url = '/auth/oauth2/v2/token') =>
    sim.app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload }) });
  const json = { 'content-type': 'application/json' };
  const grant = JSON.stringify({ grant_type: 'client_credentials' });

  it.each([
    ['custom header with a space', { authorization: CUSTOM_AUTH, ...json }, grant],
    [
      'custom header without a space',
      { authorization: 'client_id:sim-client-id,client_secret:sim-client-secret', ...json },
      grant,
    ],
    ['HTTP Basic', { authorization: basic('sim-client-id', 'sim-client-secret'), ...json }, grant],
    [
      'form body',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'grant_type=client_credentials&client_id=sim-client-id&client_secret=sim-client-secret',
    ],
    [
      'Basic with a form grant',
      {
        authorization: basic('sim-client-id', 'sim-client-secret'),
        'content-type': 'application/x-www-form-urlencoded',
      },
      'grant_type=client_credentials',
    ],
  ])('issues a bare token set for the %s style', async (_name, headers, payload) => {
    const response = await post(headers, payload);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual([
      'access_token',
      'created_at',
      'expires_in',
      'refresh_token',
      'token_type',
      'account_id',
    ]);
    expect(body).not.toHaveProperty('status');
    expect(body).toMatchObject({ expires_in: 36000, token_type: 'bearer', account_id: 189185 });
    expect(body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('returns the same token set until it is revoked', async () => {
    const first = (await requestToken(sim)).json();
    const second = (await requestToken(sim)).json();
    expect(second.access_token).toBe(first.access_token);
    expect(sim.state.counters).toMatchObject({ tokenRequests: 2, tokensIssued: 1 });
    await post(
      { authorization: CUSTOM_AUTH, ...json },
      JSON.stringify({ access_token: first.access_token }),
      '/auth/oauth2/revoke',
    );
    const third = (await requestToken(sim)).json();
    expect(third.access_token).not.toBe(first.access_token);
  });

  it('wraps the legacy v1 token in an envelope and replaces the previous token', async () => {
    const v2 = (await requestToken(sim)).json().access_token;
    const response = await requestToken(sim, '/auth/oauth2/token');
    expect(response.json()).toMatchObject({
      status: { error: false, code: 200, type: 'success', message: 'Success' },
      data: [{ token_type: 'bearer', expires_in: 36000 }],
    });
    const old = await sim.app.inject({
      method: 'GET',
      url: '/api/1/users',
      headers: { authorization: `bearer:${v2}` },
    });
    expect(old.statusCode).toBe(401);
  });

  it.each([
    [
      'a wrong secret',
      { authorization: 'client_id:sim-client-id, client_secret:nope', ...json },
      grant,
      401,
      AUTH_FAILURE,
    ],
    [
      'a wrong client id',
      { authorization: basic('other', 'sim-client-secret'), ...json },
      grant,
      401,
      AUTH_FAILURE,
    ],
    [
      'a wrong grant type',
      { authorization: CUSTOM_AUTH, ...json },
      JSON.stringify({ grant_type: 'password' }),
      400,
      { status: { error: true, code: 400, type: 'bad request', message: 'grant_type is incorrect/absent' } },
    ],
    [
      'a missing grant type',
      { authorization: CUSTOM_AUTH, ...json },
      '{}',
      400,
      { status: { error: true, code: 400, type: 'bad request', message: 'grant_type is incorrect/absent' } },
    ],
    [
      'no credentials',
      json,
      grant,
      400,
      {
        status: {
          error: true,
          code: 400,
          type: 'bad request',
          message: 'The authorization information is missing',
        },
      },
    ],
    [
      'a garbled Authorization header',
      { authorization: 'Bearer something', ...json },
      grant,
      400,
      {
        status: {
          error: true,
          code: 400,
          type: 'bad request',
          message: 'The authorization information is missing',
        },
      },
    ],
    [
      'a text/plain body',
      { authorization: CUSTOM_AUTH, 'content-type': 'text/plain' },
      'grant_type=client_credentials',
      400,
      {
        status: {
          error: true,
          code: 400,
          type: 'bad request',
          message:
            'Content Type is not specified or specified incorrectly. Content-Type header must be set to application/json',
        },
      },
    ],
  ])('answers %s with a v1-enveloped error', async (_name, headers, payload, status, body) => {
    const response = await post(headers, payload);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual(body);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('answers the wrong method with "No Route Exists"', async () => {
    const response = await sim.app.inject({ method: 'GET', url: '/auth/oauth2/v2/token' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      status: { error: true, code: 404, type: 'not found', message: 'No Route Exists' },
    });
  });

  it('refreshes with the refresh_token grant and retires the old pair', async () => {
    const first = (await requestToken(sim)).json();
    const refreshed = await post(
      json,
      JSON.stringify({
        grant_type: 'refresh_token',
        access_token: first.access_token,
        refresh_token: first.refresh_token,
      }),
    );
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json().access_token).not.toBe(first.access_token);
    const again = await post(
      json,
      JSON.stringify({
        grant_type: 'refresh_token',
        access_token: first.access_token,
        refresh_token: first.refresh_token,
      }),
    );
    expect(again.statusCode).toBe(401);
    expect(again.json()).toEqual(AUTH_FAILURE);
  });

  describe('revoke', () => {
    it('revokes a token so resource calls answer 401', async () => {
      const token = (await requestToken(sim)).json().access_token;
      const response = await post(
        { authorization: CUSTOM_AUTH, ...json },
        JSON.stringify({ access_token: token }),
        '/auth/oauth2/revoke',
      );
      expect(response.json()).toEqual({
        status: { error: false, code: 200, type: 'success', message: 'Success' },
      });
      const call = await sim.app.inject({
        method: 'GET',
        url: '/api/2/users',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(call.statusCode).toBe(401);
      expect(sim.state.counters.revocations).toBe(1);
    });

    it.each([
      ['no access token', { authorization: CUSTOM_AUTH, ...json }, '{}', 400, 'Access Token Missing'],
      ['no credentials', json, '{"access_token":"x"}', 400, 'The authorization information is missing'],
      [
        'bad credentials',
        { authorization: basic('a', 'b'), ...json },
        '{"access_token":"x"}',
        401,
        'Authentication Failure',
      ],
    ])('refuses %s', async (_name, headers, payload, status, message) => {
      const response = await post(headers, payload, '/auth/oauth2/revoke');
      expect(response.statusCode).toBe(status);
      expect(response.json().status).toMatchObject({ error: true, code: status, message });
    });
  });

  describe('GET /auth/rate_limit', () => {
    it('reports the budget as an object without spending it', async () => {
      const token = (await requestToken(sim)).json().access_token;
      const headers = { authorization: `bearer:${token}` };
      await sim.app.inject({ method: 'GET', url: '/api/2/users', headers });
      const first = (await sim.app.inject({ method: 'GET', url: '/auth/rate_limit', headers })).json();
      const second = (await sim.app.inject({ method: 'GET', url: '/auth/rate_limit', headers })).json();
      expect(first.status).toEqual({ error: false, code: 200, type: 'success', message: 'Success' });
      expect(first.data).toMatchObject({ 'X-RateLimit-Limit': 5000, 'X-RateLimit-Remaining': 4999 });
      expect(first.data['X-RateLimit-Reset']).toBeGreaterThan(0);
      expect(second.data['X-RateLimit-Remaining']).toBe(4999);
    });

    it.each([
      [{}, 400, 'Authorization Information is incorrect'],
      [{ authorization: 'bearer:unknown' }, 401, 'Authentication Failure'],
    ])('refuses %j', async (headers, status, message) => {
      const response = await sim.app.inject({ method: 'GET', url: '/auth/rate_limit', headers });
      expect(response.statusCode).toBe(status);
      expect(response.json().status.message).toBe(message);
    });
  });
});
