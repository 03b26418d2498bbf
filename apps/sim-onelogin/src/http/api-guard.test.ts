import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, requestToken, startHarness } from '../testing/harness.js';

describe('resource-call guard', () => {
  let h: Harness;
  afterEach(() => h.sim.close());

  it.each(['bearer:%s', 'bearer %s', 'Bearer %s', 'BEARER:%s'])(
    'accepts the "%s" Authorization style',
    async (style) => {
      h = await startHarness({ users: 3 });
      for (const url of ['/api/1/users', '/api/2/users']) {
        const response = await h.get(url, { authorization: style.replace('%s', h.token) });
        expect(response.statusCode).toBe(200);
      }
    },
  );

  it('answers v1 and v2 authentication failures in their own shapes', async () => {
    h = await startHarness({ users: 3 });
    const v1Missing = await h.get('/api/1/users', {});
    expect(v1Missing.statusCode).toBe(400);
    expect(v1Missing.json()).toEqual({
      status: {
        error: true,
        code: 400,
        type: 'bad request',
        message: 'Authorization Information is incorrect',
      },
    });
    const v1Bad = await h.get('/api/1/users', { authorization: 'bearer:nope' });
    expect(v1Bad.statusCode).toBe(401);
    expect(v1Bad.json()).toEqual({
      status: { error: true, code: 401, type: 'Unauthorized', message: 'Authentication Failure' },
    });
    for (const headers of [{}, { authorization: 'bearer nope' }]) {
      const v2 = await h.get('/api/2/users', headers);
      expect(v2.statusCode).toBe(401);
      expect(v2.json()).toEqual({ message: 'Unauthorized', name: 'UnauthorizedError', statusCode: 401 });
    }
  });

  it('sends rate-limit headers (reset in seconds) and the documented content types', async () => {
    h = await startHarness({ users: 3 });
    const v1 = await h.get('/api/1/users');
    expect(v1.headers).toMatchObject({
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      link: '',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(Number(v1.headers['x-ratelimit-reset'])).toBeGreaterThan(3500);
    expect(Number(v1.headers['x-ratelimit-reset'])).toBeLessThanOrEqual(3600);
    const v2 = await h.get('/api/2/users');
    expect(v2.headers).toMatchObject({ 'x-ratelimit-remaining': '4998', 'content-type': 'application/json' });
    expect(v2.headers).not.toHaveProperty('link', '');
  });

  it('enforces the hourly budget per account, across tokens', async () => {
    h = await startHarness({ users: 3, hourlyBudget: 2 });
    expect((await h.get('/api/2/users')).statusCode).toBe(200);
    expect((await h.get('/api/1/users')).statusCode).toBe(200);
    const v2 = await h.get('/api/2/users');
    expect(v2.statusCode).toBe(429);
    expect(v2.json()).toEqual({
      message: 'Rate Limit Exceeded',
      name: 'TooManyRequestsError',
      statusCode: 429,
    });
    expect(v2.headers).toMatchObject({ 'x-ratelimit-limit': '2', 'x-ratelimit-remaining': '0' });
    expect(Number(v2.headers['retry-after'])).toBeGreaterThan(0);
    // A fresh token from the legacy endpoint does not reset the account's count.
    h.token = (await requestToken(h.sim, '/auth/oauth2/token')).json().data[0].access_token;
    const v1 = await h.get('/api/1/users');
    expect(v1.statusCode).toBe(429);
    expect(v1.json()).toEqual({
      status: { error: true, code: 429, type: 'Too Many Requests', message: 'Rate Limit Exceeded' },
    });
    expect(h.sim.state.counters.rateLimited).toBe(2);
  });

  it('omits rate-limit headers when the budget is unlimited', async () => {
    h = await startHarness({ users: 3, hourlyBudget: 0 });
    const response = await h.get('/api/1/users');
    expect(response.statusCode).toBe(200);
    expect(response.headers).not.toHaveProperty('x-ratelimit-remaining');
  });

  it('routes on the path whatever the Host', async () => {
    h = await startHarness({ users: 3 });
    const response = await h.sim.app.inject({
      method: 'GET',
      url: '/api/2/users?limit=1',
      headers: { host: 'acme.onelogin.com', authorization: `bearer ${h.token}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.link).toContain(
      '<http://acme.onelogin.com/api/2/users?limit=1&page=2>; rel="next"',
    );
  });

  it('counts calls per route', async () => {
    h = await startHarness({ users: 3 });
    await h.get('/api/2/users');
    await h.get('/api/2/users/1');
    await h.get('/api/2/users/2');
    expect(h.sim.state.counters.calls).toMatchObject({
      'POST /auth/oauth2/v2/token': 1,
      'GET /api/2/users': 1,
      'GET /api/2/users/:id': 2,
    });
  });
});
