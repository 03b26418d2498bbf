import { describe, expect, it } from 'vitest';
import { exhaustedReading, RateLimitWindow } from './rate-limit-window.js';

describe('RateLimitWindow', () => {
  it('allows `limit` calls per window, then refuses until the window rolls over', () => {
    const window = new RateLimitWindow(2, 60_000);
    const t0 = 1_700_000_000_000;
    expect(window.consume(t0)).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 60 });
    expect(window.consume(t0 + 1000)).toMatchObject({ allowed: true, remaining: 0, resetSeconds: 59 });
    const refused = window.consume(t0 + 2000);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, resetEpochSeconds: t0 / 1000 + 60 });
    expect(window.consume(t0 + 60_000)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('treats 0 as unlimited', () => {
    const window = new RateLimitWindow(0, 60_000);
    for (let i = 0; i < 5; i += 1) expect(window.consume(i).allowed).toBe(true);
  });

  it('describes a storm 429 relative to now', () => {
    expect(exhaustedReading(600, 7, 10_000)).toEqual({
      allowed: false,
      limit: 600,
      remaining: 0,
      resetSeconds: 7,
      resetEpochSeconds: 17,
    });
  });
});
