import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

describe('authentication, rate limits and faults', () => {
  let h: Harness;
  afterEach(() => h.sim.close());

  it('wants SSWS: a bad token is 401 E0000011, no header 403 E0000005', async () => {
    h = await startHarness({ users: 2 });
    const bad = await h.get('/api/v1/users', { authorization: 'SSWS wrong' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({
      errorCode: 'E0000011',
      errorSummary: 'Invalid token provided',
      errorCauses: [],
    });
    expect(bad.json().errorId).toMatch(/^oae/);
    const bearer = await h.get('/api/v1/users', { authorization: 'Bearer sim-okta-api-token' });
    expect(bearer.statusCode).toBe(403);
    expect((await h.get('/api/v1/users', {})).json().errorCode).toBe('E0000005');
  });

  it('counts each endpoint family per minute, with the reset as epoch seconds', async () => {
    h = await startHarness({ users: 2, rateLimitPerMinute: 2 });
    // The window opens at the first call: its end lies 60 s after some instant between `before` and `after`.
    const before = Date.now();
    const first = await h.get('/api/v1/users');
    const after = Date.now();
    expect(first.headers).toMatchObject({ 'x-rate-limit-limit': '2', 'x-rate-limit-remaining': '1' });
    const reset = Number(first.headers['x-rate-limit-reset']);
    expect(reset).toBeGreaterThanOrEqual(Math.ceil(before / 1000) + 60);
    expect(reset).toBeLessThanOrEqual(Math.ceil(after / 1000) + 60);
    await h.get('/api/v1/users');
    const limited = await h.get('/api/v1/users');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ errorCode: 'E0000047' });
    expect(limited.headers['x-rate-limit-remaining']).toBe('0');
    // Another family still has its own budget.
    expect((await h.get('/api/v1/groups')).statusCode).toBe(200);
  });

  it('answers storms, bursts and a revoked token in Okta shapes', async () => {
    h = await startHarness({ users: 2 });
    h.sim.faults.set({
      rate_limit_storm: { count: 1, reset_seconds: 5 },
      error_burst: { count: 1, status: 503 },
    });
    const before = Date.now();
    const storm = await h.get('/api/v1/users');
    const after = Date.now();
    expect(storm.statusCode).toBe(429);
    const stormReset = Number(storm.headers['x-rate-limit-reset']);
    expect(stormReset).toBeGreaterThanOrEqual(Math.ceil(before / 1000) + 5);
    expect(stormReset).toBeLessThanOrEqual(Math.ceil(after / 1000) + 5);
    const burst = await h.get('/api/v1/users');
    expect(burst.statusCode).toBe(503);
    expect(burst.json().errorCode).toBe('E0000010');
    expect((await h.get('/api/v1/users')).statusCode).toBe(200);
    h.sim.faults.set({ expire_tokens_after_calls: 1 });
    expect((await h.get('/api/v1/users')).statusCode).toBe(200);
    expect((await h.get('/api/v1/users')).statusCode).toBe(401);
    const reset = await h.sim.app.inject({ method: 'POST', url: '/__sim/reset' });
    expect(reset.json().tokens).toEqual({ active: 1 });
    expect((await h.get('/api/v1/users')).statusCode).toBe(200);
    h.sim.faults.set({ revoke_all_tokens: true });
    expect((await h.get('/api/v1/users')).json().errorCode).toBe('E0000011');
  });

  it('sets the budget of every family through the minute_budget fault', async () => {
    h = await startHarness({ users: 2 });
    const snapshot = await h.sim.app.inject({
      method: 'POST',
      url: '/__sim/faults',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ minute_budget: 1 }),
    });
    expect(snapshot.json()).toMatchObject({ minute_budget: 1 });
    await h.get('/api/v1/logs');
    expect((await h.get('/api/v1/logs')).statusCode).toBe(429);
  });

  it('answers unknown routes with 404 E0000007', async () => {
    h = await startHarness({ users: 1 });
    const response = await h.get('/api/v1/nope');
    expect(response.statusCode).toBe(404);
    expect(response.json().errorCode).toBe('E0000007');
  });
});
