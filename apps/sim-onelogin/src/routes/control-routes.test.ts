import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimulatorErrorCode } from '../errors.js';
import { type Harness, startHarness } from '../testing/harness.js';

describe('fault injection', () => {
  let h: Harness;
  afterEach(async () => {
    vi.useRealTimers();
    await h.sim.close();
  });
  const setFaults = (payload: unknown) =>
    h.sim.app.inject({
      method: 'POST',
      url: '/__sim/faults',
      payload: JSON.stringify(payload),
      headers: { 'content-type': 'application/json' },
    });

  it('answers the next N calls with 429 during a rate-limit storm', async () => {
    h = await startHarness({ users: 3 });
    const snapshot = (await setFaults({ rate_limit_storm: { count: 2, reset_seconds: 7 } })).json();
    expect(snapshot.rate_limit_storm).toEqual({ remaining: 2, reset_seconds: 7 });
    const v1 = await h.get('/api/1/users');
    expect(v1.statusCode).toBe(429);
    expect(v1.headers).toMatchObject({
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '7',
      'retry-after': '7',
    });
    expect(v1.json().status).toMatchObject({ code: 429, error: true });
    const v2 = await h.get('/api/2/users');
    expect(v2.statusCode).toBe(429);
    expect(v2.json().name).toBe('TooManyRequestsError');
    expect((await h.get('/api/2/users')).statusCode).toBe(200);
  });

  it('answers the next N resource calls with the chosen 5xx', async () => {
    h = await startHarness({ users: 3 });
    h.sim.faults.set({ error_burst: { count: 2, status: 503 } });
    const v2 = await h.get('/api/2/users');
    expect(v2.statusCode).toBe(503);
    expect(v2.json()).toEqual({
      message: 'Service Unavailable',
      name: 'ServiceUnavailableError',
      statusCode: 503,
    });
    const v1 = await h.get('/api/1/users');
    expect(v1.json()).toEqual({
      status: { error: true, code: 503, type: 'service unavailable', message: 'Service Unavailable' },
    });
    expect((await h.get('/api/1/users')).statusCode).toBe(200);
    expect(h.sim.state.counters.injectedErrors).toBe(2);
  });

  it('expires tokens after N resource calls until a new token is fetched', async () => {
    h = await startHarness({ users: 3 });
    h.sim.faults.set({ expire_tokens_after_calls: 2 });
    expect((await h.get('/api/2/users')).statusCode).toBe(200);
    expect((await h.get('/api/1/users')).statusCode).toBe(200);
    expect((await h.get('/api/2/users')).statusCode).toBe(401);
    expect((await h.get('/api/1/users')).statusCode).toBe(401);
    const old = h.token;
    await h.newToken();
    expect(h.token).not.toBe(old);
    expect((await h.get('/api/2/users')).statusCode).toBe(200);
  });

  it('revokes every token on demand', async () => {
    h = await startHarness({ users: 3 });
    await setFaults({ revoke_all_tokens: true });
    expect((await h.get('/api/2/users')).statusCode).toBe(401);
    await h.newToken();
    expect((await h.get('/api/2/users')).statusCode).toBe(200);
  });

  it('adds latency and changes the hourly budget at run time', async () => {
    h = await startHarness({ users: 3 });
    const snapshot = (await setFaults({ latency_ms: 5, hourly_budget: 1 })).json();
    expect(snapshot).toMatchObject({ latency_ms: 5, hourly_budget: 1 });
    expect((await h.get('/api/2/users')).statusCode).toBe(200);
    expect((await h.get('/api/2/users')).statusCode).toBe(429);
    const cleared = (await h.sim.app.inject({ method: 'DELETE', url: '/__sim/faults' })).json();
    expect(cleared).toMatchObject({ latency_ms: 0, hourly_budget: 5000 });
  });

  it('starts with faults passed as options', async () => {
    h = await startHarness({ users: 3, faults: { error_burst: { count: 1 } } });
    expect((await h.get('/api/2/users')).statusCode).toBe(500);
    expect((await h.get('/api/2/users')).statusCode).toBe(200);
  });

  it('refuses malformed fault settings, listing every issue', async () => {
    h = await startHarness({ users: 3 });
    const response = await setFaults({ error_burst: { count: 1, status: 404 }, bogus: 1 });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: SimulatorErrorCode.faultsInvalid,
      details: { issues: ['unknown key "bogus"', 'error_burst.status must be an integer from 500 to 599'] },
    });
    expect(() => h.sim.faults.set({ latency_ms: -1 })).toThrow(/latency_ms/);
  });

  it('resets the budget when the hour is over', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    h = await startHarness({ users: 3, hourlyBudget: 1 });
    expect((await h.get('/api/2/users')).statusCode).toBe(200);
    expect((await h.get('/api/2/users')).statusCode).toBe(429);
    vi.setSystemTime(Date.now() + 3_600_000);
    expect((await h.get('/api/2/users')).statusCode).toBe(200);
  });

  it('expires tokens after their lifetime', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    h = await startHarness({ users: 3, tokenTtlSeconds: 60 });
    vi.setSystemTime(Date.now() + 61_000);
    expect((await h.get('/api/2/users')).statusCode).toBe(401);
  });
});

describe('control endpoints', () => {
  let h: Harness;
  afterEach(() => h.sim.close());

  it('reports counters and sizes without tokens', async () => {
    h = await startHarness({ users: 7 });
    await h.get('/api/2/users');
    const state = (await h.sim.app.inject({ method: 'GET', url: '/__sim/state' })).json();
    expect(state).toMatchObject({
      account_id: 189185,
      counters: { tokenRequests: 1, tokensIssued: 1, calls: { 'GET /api/2/users': 1 } },
      data: { users: 7, roles: 12, groups: 8, events: 28 },
      tokens: { active: 1 },
      budget: { limit: 5000, remaining: 4999 },
      faults: { rate_limit_storm: null },
    });
    expect(JSON.stringify(state)).not.toContain(h.token);
  });

  it('resets data, counters, tokens and faults', async () => {
    h = await startHarness({ users: 7 });
    await h.send('DELETE', `/api/2/users/${h.sim.state.data.users.items[5]?.id}`);
    h.sim.faults.set({ latency_ms: 3 });
    const state = (await h.sim.app.inject({ method: 'POST', url: '/__sim/reset' })).json();
    expect(state).toMatchObject({
      data: { users: 7 },
      counters: { totalCalls: 0 },
      tokens: { active: 0 },
      faults: { latency_ms: 0 },
    });
    expect((await h.get('/api/2/users')).statusCode).toBe(401);
  });
});
