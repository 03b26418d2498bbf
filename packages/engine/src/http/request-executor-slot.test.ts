/**
 * The concurrency slot is released on every exit of a call, including a rate budget that throws while it records
 * the upstream's headers (a Redis failure): otherwise the account would stall forever (issue 16, item 15).
 */
import nock from 'nock';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHttpRuntime } from './create-http-runtime.js';
import type { RateBudget } from './rate-budget.js';
import { MemoryRateBudget } from './rate-limit/memory-rate-budget.js';
import { fakeTime } from './testing/fake-time.js';
import { account, ORIGIN, testIntegration } from './testing/test-integration.js';

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

it('releases the slot when recording the rate-limit headers throws', async () => {
  const time = fakeTime();
  const memory = new MemoryRateBudget({ clock: time.clock });
  let failures = 1;
  const flaky: RateBudget = {
    take: (key, policy, cost) => memory.take(key, policy, cost),
    observe: async (key, policy, remaining, resetMs) => {
      if (failures-- > 0) throw new Error('redis went away');
      await memory.observe(key, policy, remaining, resetMs);
    },
  };
  const runtime = createHttpRuntime({ clock: time.clock, sleep: time.sleep, rateBudget: flaky });
  const integration = testIntegration({
    auth: { type: 'none' },
    rate_limit: {
      concurrency: 1,
      policies: [{ limit: 100, per: '1m' }],
      headers: {
        remaining: 'X-RateLimit-Remaining',
        reset: 'X-RateLimit-Reset',
        reset_format: 'delta_seconds',
      },
    },
  });
  nock(ORIGIN)
    .get('/x')
    .times(2)
    .reply(200, { ok: true }, { 'x-ratelimit-remaining': '90', 'x-ratelimit-reset': '30' });
  const session = runtime.session(integration, account());
  await expect(session.send({ method: 'GET', path: '/x' })).rejects.toThrow('redis went away');
  // With the slot leaked, this call would wait for it forever (and the test time out).
  expect((await session.send({ method: 'GET', path: '/x' })).status).toBe(200);
  await runtime.close();
});
