/**
 * The upstream's rate-limit state reaches the caller as `ratelimit-*` headers on every answer that follows an
 * upstream call: errors (an upstream 404, 429 or 5xx) and passthrough answers as well as unified and proxy pages.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, type Stack, startStack, type Tenant } from './stack.js';

let stack: Stack;
let tenant: Tenant;
beforeAll(async () => {
  stack = await startStack({ simulator: { users: 10 } });
  tenant = await stack.tenant();
});
afterAll(async () => {
  await stack.close();
});

function rateLimitHeaders(response: LightMyRequestResponse) {
  return {
    limit: response.headers['ratelimit-limit'],
    remaining: response.headers['ratelimit-remaining'],
    reset: response.headers['ratelimit-reset'],
  };
}

const numeric = { limit: expect.stringMatching(/^\d+$/), remaining: expect.stringMatching(/^\d+$/) };

describe('ratelimit-* headers', () => {
  it('come with an upstream 404 on proxy and unified calls', async () => {
    const account = await stack.link(tenant);
    const proxy = await stack.inject({
      url: `/proxy/users/999999999?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(proxy.statusCode).toBe(404);
    expect(errorBody(proxy).is_remote_error).toBe(true);
    expect(rateLimitHeaders(proxy)).toMatchObject({ ...numeric, reset: expect.stringMatching(/^\d+$/) });

    const unified = await stack.inject({
      url: `/unified/user-directory/users/999999999?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(unified.statusCode).toBe(404);
    expect(rateLimitHeaders(unified)).toMatchObject(numeric);
  });

  it('come with an upstream 429, and with the 429 Switchboard answers while it holds calls back', async () => {
    const account = await stack.link(tenant);
    const url = `/proxy/users?integrated_account_id=${account}&limit=5`;
    stack.sim.faults.set({ rate_limit_storm: { count: 50, reset_seconds: 3600 } });
    try {
      const limited = await stack.inject({ url, headers: tenant.headers });
      expect(limited.statusCode).toBe(429);
      expect(errorBody(limited).remote?.status).toBe(429);
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
      // The simulator's 429 says nothing remains for about an hour.
      expect(rateLimitHeaders(limited)).toMatchObject({ limit: '5000', remaining: '0' });
      expect(Number(limited.headers['ratelimit-reset'])).toBeGreaterThan(3000);

      const held = await stack.inject({ url, headers: tenant.headers });
      expect(held.statusCode).toBe(429);
      expect(errorBody(held).is_remote_error).toBeUndefined();
      expect(rateLimitHeaders(held)).toMatchObject({ limit: '5000', remaining: '0' });
    } finally {
      stack.sim.faults.set({ rate_limit_storm: null });
    }
  });

  it('come with a 502 after an upstream failure, as the last state the upstream reported', async () => {
    const account = await stack.link(tenant);
    const url = `/unified/user-directory/users?integrated_account_id=${account}&limit=2`;
    const ok = await stack.inject({ url, headers: tenant.headers });
    expect(ok.statusCode).toBe(200);
    stack.sim.faults.set({ error_burst: { count: 20, status: 503 } });
    try {
      const failed = await stack.inject({ url, headers: tenant.headers });
      expect(failed.statusCode).toBe(502);
      expect(rateLimitHeaders(failed)).toMatchObject({
        remaining: numeric.remaining,
        limit: ok.headers['ratelimit-limit'],
      });
    } finally {
      stack.sim.faults.set({ error_burst: null });
    }
  });

  it("come with passthrough answers, normalised next to the upstream's own headers", async () => {
    const account = await stack.link(tenant);
    const response = await stack.inject({
      url: `/passthrough/api/1/groups?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(response.statusCode).toBe(200);
    // The upstream's headers stay as they came.
    expect(response.headers['x-ratelimit-limit']).toBe('5000');
    expect(rateLimitHeaders(response)).toEqual({
      limit: '5000',
      remaining: response.headers['x-ratelimit-remaining'],
      reset: expect.stringMatching(/^\d+$/),
    });

    const missing = await stack.inject({
      url: `/passthrough/api/2/users/999999999?integrated_account_id=${account}`,
      headers: tenant.headers,
    });
    expect(missing.statusCode).toBe(404);
    expect(rateLimitHeaders(missing)).toMatchObject(numeric);
  });

  it('are absent when no upstream call was made (unknown account)', async () => {
    const response = await stack.inject({
      url: '/proxy/users?integrated_account_id=00000000-0000-4000-8000-000000000000',
      headers: tenant.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['ratelimit-limit']).toBeUndefined();
  });
});
