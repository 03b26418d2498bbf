import { describe, expect, it } from 'vitest';
import { startClock } from './sim-clock.js';

describe('startClock', () => {
  it('reads startAt at start, then runs on', () => {
    let real = 1_800_000_000_000;
    const clock = startClock('2026-01-01T00:00:00Z', () => real);
    expect(clock.start).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(clock.now()).toBe(clock.start);
    real += 1500;
    expect(clock.now()).toBe(clock.start + 1500);
  });

  it('is the real clock without startAt', () => {
    const clock = startClock(undefined, () => 42);
    expect([clock.start, clock.now()]).toEqual([42, 42]);
  });
});
