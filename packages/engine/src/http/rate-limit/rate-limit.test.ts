import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { Trace } from '../../trace.js';
import { createHttpRuntime } from '../create-http-runtime.js';
import { fakeTime } from '../testing/fake-time.js';
import { account, ORIGIN, testIntegration } from '../testing/test-integration.js';
import { useHttpRuntime } from '../testing/use-http-runtime.js';
import { MemoryRateBudget } from './memory-rate-budget.js';

describe('MemoryRateBudget', () => {
  const policy = { id: '0', limit: 2, windowMs: 60_000 };

  it('allows the limit, then says how long until the next call', async () => {
    const time = fakeTime();
    const budget = new MemoryRateBudget({ clock: time.clock });
    expect([await budget.take('k', policy), await budget.take('k', policy)]).toEqual([0, 0]);
    expect(await budget.take('k', policy)).toBe(30_000);
    time.advance(30_000);
    expect(await budget.take('k', policy)).toBe(0);
  });

  it('stops everything until the reset when the upstream reports nothing remaining', async () => {
    const time = fakeTime();
    const budget = new MemoryRateBudget({ clock: time.clock });
    await budget.observe('k', policy, 0, 45_000);
    expect(await budget.take('k', policy)).toBe(45_000);
    time.advance(45_000);
    expect([await budget.take('k', policy), await budget.take('k', policy)]).toEqual([0, 0]);
  });

  it('lowers the bucket to what the upstream says remains', async () => {
    const budget = new MemoryRateBudget({ clock: fakeTime().clock });
    await budget.observe('k', { ...policy, limit: 100 }, 1, 60_000);
    expect(await budget.take('k', { ...policy, limit: 100 })).toBe(0);
    expect(await budget.take('k', { ...policy, limit: 100 })).toBeGreaterThan(0);
  });
});

describe('rate limits on upstream calls', () => {
  const http = useHttpRuntime();

  const limited = (rateLimit: Record<string, unknown>, maxWait = '60s') =>
    testIntegration({ auth: { type: 'none' }, rate_limit: rateLimit, retry: { max_wait: maxWait } });

  it('waits for the budget when it is exhausted, for matching requests only', async () => {
    const integration = limited({
      policies: [{ match: { method: 'GET', path: '^/api/2/users' }, limit: 2, per: '1m' }],
    });
    nock(ORIGIN).get('/api/2/users').times(3).reply(200, []);
    nock(ORIGIN).get('/api/2/roles').times(3).reply(200, []);
    const trace = new Trace();
    const session = http.runtime.session(integration, account());
    for (let i = 0; i < 3; i++) await session.send({ method: 'GET', path: '/api/2/roles' });
    expect(http.time.sleeps).toEqual([]);
    for (let i = 0; i < 3; i++) await session.send({ method: 'GET', path: '/api/2/users' }, { trace });
    expect(http.time.sleeps).toEqual([30_000]);
    expect(trace.entries.filter((e) => e.kind === 'wait')).toEqual([
      { kind: 'wait', reason: 'rate_limit', ms: 30_000 },
    ]);
  });

  it('refuses with RateLimited and retry_at, without calling, when the wait exceeds max_wait', async () => {
    const integration = limited({ policies: [{ limit: 1, per: '1h' }] }, '1m');
    const first = nock(ORIGIN).get('/x').reply(200, {});
    const session = http.runtime.session(integration, account());
    await session.send({ method: 'GET', path: '/x' });
    expect(first.isDone()).toBe(true);
    await expect(session.send({ method: 'GET', path: '/x' })).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_RATE_LIMITED',
      details: { retry_at: new Date(http.time.clock() + 3_600_000).toISOString(), source: 'budget' },
    });
  });

  it('keeps budgets per account', async () => {
    const integration = limited({ policies: [{ limit: 1, per: '1h' }] }, '1m');
    nock(ORIGIN).get('/x').times(2).reply(200, {});
    await http.runtime.session(integration, account('a')).send({ method: 'GET', path: '/x' });
    await http.runtime.session(integration, account('b')).send({ method: 'GET', path: '/x' });
    expect(http.time.sleeps).toEqual([]);
  });

  it.each([
    ['delta_seconds', () => '120'],
    ['epoch_seconds', (now: number) => String(now / 1000 + 120)],
    ['epoch_ms', (now: number) => String(now + 120_000)],
    ['http_date', (now: number) => new Date(now + 120_000).toUTCString()],
  ])('is corrected by remaining/reset headers written as %s', async (format, reset) => {
    const integration = limited(
      {
        policies: [{ limit: 5000, per: '1h' }],
        headers: {
          limit: 'X-RateLimit-Limit',
          remaining: 'X-RateLimit-Remaining',
          reset: 'X-RateLimit-Reset',
          reset_format: format,
        },
      },
      '5m',
    );
    nock(ORIGIN)
      .get('/x')
      .reply(
        200,
        {},
        {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': reset(http.time.clock()),
        },
      );
    nock(ORIGIN).get('/x').reply(200, {});
    const session = http.runtime.session(integration, account());
    await session.send({ method: 'GET', path: '/x' });
    expect(session.rateLimit()).toEqual({ limit: 5000, remaining: 0, reset: 120 });
    await session.send({ method: 'GET', path: '/x' });
    expect(http.time.sleeps).toEqual([120_000]);
  });

  it('stops at remaining 0 from headers even without a declared policy', async () => {
    const integration = limited(
      {
        headers: {
          remaining: 'X-RateLimit-Remaining',
          reset: 'X-RateLimit-Reset',
          reset_format: 'delta_seconds',
        },
      },
      '1m',
    );
    nock(ORIGIN).get('/x').reply(200, {}, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '206' });
    const session = http.runtime.session(integration, account());
    await session.send({ method: 'GET', path: '/x' });
    await expect(session.send({ method: 'GET', path: '/x' })).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_RATE_LIMITED',
    });
  });

  it("keeps the state a failed call reported for the runtime's rateLimit, per account", async () => {
    const integration = limited({
      headers: {
        limit: 'X-RateLimit-Limit',
        remaining: 'X-RateLimit-Remaining',
        reset: 'X-RateLimit-Reset',
        reset_format: 'delta_seconds',
      },
    });
    nock(ORIGIN)
      .get('/x/404')
      .reply(
        404,
        {},
        { 'x-ratelimit-limit': '400', 'x-ratelimit-remaining': '398', 'x-ratelimit-reset': '61' },
      );
    await expect(
      http.runtime.session(integration, account('a')).send({ method: 'GET', path: '/x/404' }),
    ).rejects.toMatchObject({ code: 'SB_ERR_HTTP_UPSTREAM_STATUS' });
    expect(http.runtime.rateLimit(integration, 'a')).toEqual({ limit: 400, remaining: 398, reset: 61 });
    expect(http.runtime.rateLimit(integration, 'b')).toBeUndefined();
  });

  it('uses the rate-limit reset header as the wait for a 429 without Retry-After', async () => {
    const integration = limited({
      headers: {
        remaining: 'X-RateLimit-Remaining',
        reset: 'X-RateLimit-Reset',
        reset_format: 'delta_seconds',
      },
    });
    nock(ORIGIN).get('/x').reply(429, {}, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '9' });
    nock(ORIGIN).get('/x').reply(200, {});
    await http.runtime.session(integration, account()).send({ method: 'GET', path: '/x' });
    // The 9 s wait is spent once: retrying after it also satisfies the emptied budget.
    expect(http.time.sleeps).toEqual([9000]);
  });

  it('caps requests in flight per account', async () => {
    const real = createHttpRuntime();
    const integration = limited({ concurrency: 2 });
    let inFlight = 0;
    let peak = 0;
    nock(ORIGIN)
      .get('/x')
      .times(6)
      .reply(200, async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight--;
        return {};
      });
    const session = real.session(integration, account());
    await Promise.all(Array.from({ length: 6 }, () => session.send({ method: 'GET', path: '/x' })));
    expect(peak).toBe(2);
    await real.close();
  });

  it('lets the operator switch the budget off or replace it', async () => {
    const integration = limited(
      {
        policies: [{ limit: 1, per: '1h' }],
        headers: {
          remaining: 'X-RateLimit-Remaining',
          reset: 'X-RateLimit-Reset',
          reset_format: 'delta_seconds',
        },
      },
      '1m',
    );
    const off = createHttpRuntime({
      clock: http.time.clock,
      sleep: http.time.sleep,
      rateLimitOverrides: { acme: 'off' },
    });
    const replaced = createHttpRuntime({
      clock: http.time.clock,
      sleep: http.time.sleep,
      rateLimitOverrides: { acme: { limit: 2, windowMs: 1000 } },
    });
    nock(ORIGIN)
      .get('/x')
      .times(3)
      .reply(200, {}, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '600' });
    nock(ORIGIN).get('/x').times(3).reply(200, {});
    const unlimited = off.session(integration, account());
    for (let i = 0; i < 3; i++) await unlimited.send({ method: 'GET', path: '/x' });
    expect(http.time.sleeps).toEqual([]);
    expect(unlimited.rateLimit()).toEqual({ remaining: 0, reset: 600 });
    for (let i = 0; i < 3; i++)
      await replaced.session(integration, account()).send({ method: 'GET', path: '/x' });
    expect(http.time.sleeps).toEqual([500]);
    await Promise.all([off.close(), replaced.close()]);
  });
});
