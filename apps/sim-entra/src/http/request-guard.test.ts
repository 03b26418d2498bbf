import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
let clock = Date.parse('2026-03-01T12:00:00Z');
beforeAll(async () => {
  h = await startHarness({ users: 5, tenSecondBudget: 3, now: () => clock });
});
afterEach(() => {
  h.sim.faults.clear();
  clock += 10_000;
});
afterAll(() => h.sim.close());

describe('throttling and faults, in Graph words', () => {
  it('answers 429 TooManyRequests with Retry-After once the 10-second budget is spent', async () => {
    for (let call = 0; call < 3; call++) expect((await h.get('/v1.0/users?$top=1')).statusCode).toBe(200);
    const throttled = await h.get('/v1.0/users?$top=1');
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(throttled.headers['x-ms-throttle-scope']).toMatch(/^Tenant_Application\/ReadWrite\//);
    expect(throttled.json().error.code).toBe('TooManyRequests');
    clock += 10_000;
    expect((await h.get('/v1.0/users?$top=1')).statusCode).toBe(200);
  });

  it('a rate-limit storm answers 429 for the next calls, with its Retry-After', async () => {
    h.sim.faults.set({ rate_limit_storm: { count: 2, reset_seconds: 7 } });
    const first = await h.get('/v1.0/groups');
    expect(first.statusCode).toBe(429);
    expect(first.headers['retry-after']).toBe('7');
    expect((await h.get('/v1.0/groups')).statusCode).toBe(429);
    expect((await h.get('/v1.0/groups')).statusCode).toBe(200);
  });

  it('an error burst answers 503 serviceNotAvailable in the Graph envelope', async () => {
    h.sim.faults.set({ error_burst: { count: 1, status: 503 } });
    const failed = await h.get('/v1.0/users');
    expect(failed.statusCode).toBe(503);
    expect(failed.json().error).toMatchObject({
      code: 'serviceNotAvailable',
      innerError: expect.any(Object),
    });
  });

  it('expire_tokens_after_calls kills the token after N calls (expired wording)', async () => {
    await h.newToken();
    h.sim.faults.set({ expire_tokens_after_calls: 1 });
    expect((await h.get('/v1.0/users?$top=1')).statusCode).toBe(200);
    const dead = await h.get('/v1.0/users?$top=1');
    expect(dead.statusCode).toBe(401);
    expect(dead.json().error.message).toBe('Access token has expired or is not yet valid.');
  });

  it('the control surface reports counters and the budget, never tokens', async () => {
    const state = await h.sim.app.inject({ method: 'GET', url: '/__sim/state' });
    expect(state.json()).toMatchObject({
      counters: { tokenRequests: expect.any(Number) },
      faults: expect.any(Object),
    });
    expect(state.body).not.toContain(h.token);
    const bad = await h.sim.app.inject({ method: 'POST', url: '/__sim/faults', payload: { nope: 1 } });
    expect(bad.statusCode).toBe(400);
  });
});
