import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelay } from './retry-schedule.js';

describe('retry schedule', () => {
  it('retries within a minute first, then backs off for more than a day before giving up', () => {
    expect(retryDelay(1)).toBeLessThanOrEqual(60_000);
    let total = 0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      const delay = retryDelay(attempt) ?? 0;
      if (attempt > 1) expect(delay).toBeGreaterThanOrEqual(retryDelay(attempt - 1) ?? 0);
      total += delay;
    }
    expect(total).toBeGreaterThan(24 * 3_600_000);
    expect(retryDelay(MAX_ATTEMPTS)).toBeUndefined();
  });
});
