import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff.js';
import { retryPolicy } from './retry-policy.js';
import { waitFromHeaders } from './wait-from-headers.js';

describe('retryPolicy', () => {
  it('matches exact statuses and classes', () => {
    const policy = retryPolicy({ on_status: ['429', '5XX'] });
    expect([429, 500, 503, 599, 404, 401].map((s) => policy.retriesStatus(s))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('fills defaults for an absent block', () => {
    const policy = retryPolicy(undefined);
    expect(policy.maxAttempts).toBe(4);
    expect(policy.retriesStatus(429)).toBe(true);
    expect(policy.retriesStatus(500)).toBe(false);
    expect(policy.onNetworkError).toBe(true);
  });
});

describe('backoffMs', () => {
  const backoff = { initialMs: 100, maxMs: 1000, factor: 2, jitter: 'none' as const };

  it('grows exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(backoff, n))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('draws below the ceiling with full jitter', () => {
    expect(backoffMs({ ...backoff, jitter: 'full' }, 3, () => 0.5)).toBe(200);
  });
});

describe('waitFromHeaders', () => {
  it('uses the first declared header that parses', () => {
    const sources = [
      { header: 'retry-after', format: 'auto' as const },
      { header: 'x-ratelimit-reset', format: 'delta_seconds' as const },
    ];
    expect(waitFromHeaders({ 'retry-after': 'garbage', 'x-ratelimit-reset': '7' }, sources, 0)).toBe(7000);
    expect(waitFromHeaders({}, sources, 0)).toBeUndefined();
  });
});
