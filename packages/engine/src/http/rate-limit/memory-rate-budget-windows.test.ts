/**
 * The upstream's reported window tightens the budget (issue 16, items 6 and 7): the bucket does not refill before the
 * reported reset, a reset is never trusted beyond the policy's own window, and a later answer with calls remaining
 * lifts the upstream's block. The declared policy stays a ceiling: no upstream count lets more through than it.
 */
import { describe, expect, it } from 'vitest';
import { fakeTime } from '../testing/fake-time.js';
import { MemoryRateBudget } from './memory-rate-budget.js';

const hourly = { id: '0', limit: 120, windowMs: 3_600_000 };

describe('MemoryRateBudget and the upstream window', () => {
  it('does not refill before the reported reset: a fixed window is not a refill rate', async () => {
    const time = fakeTime();
    const budget = new MemoryRateBudget({ clock: time.clock });
    await budget.observe('k', hourly, 1, 600_000);
    expect(await budget.take('k', hourly)).toBe(0);
    // Refilling at 120/h would allow a call every 30 s; the upstream said: nothing before the reset.
    expect(await budget.take('k', hourly)).toBe(600_000);
    time.advance(300_000);
    expect(await budget.take('k', hourly)).toBe(300_000);
    time.advance(300_000);
    // The window reset: the whole limit is available again.
    for (let call = 0; call < hourly.limit; call++) expect(await budget.take('k', hourly)).toBe(0);
  });

  it('clamps a reset far in the future to the policy window', async () => {
    const time = fakeTime();
    const budget = new MemoryRateBudget({ clock: time.clock });
    await budget.observe('k', hourly, 0, 100_000_000); // 27.8 hours
    expect(await budget.take('k', hourly)).toBe(hourly.windowMs);
    time.advance(hourly.windowMs);
    expect(await budget.take('k', hourly)).toBe(0);
  });

  it('lets a later answer with calls remaining lift a block', async () => {
    const time = fakeTime();
    const budget = new MemoryRateBudget({ clock: time.clock });
    await budget.observe('k', hourly, 0, 3_000_000);
    expect(await budget.take('k', hourly)).toBeGreaterThan(0);
    await budget.observe('k', hourly, 5, 3_000_000);
    expect(await budget.take('k', hourly)).toBe(0);
  });

  it('never lets an upstream count lift its own spent budget: the declared policy is a ceiling', async () => {
    const time = fakeTime();
    const budget = new MemoryRateBudget({ clock: time.clock });
    for (let call = 0; call < hourly.limit; call++) expect(await budget.take('k', hourly)).toBe(0);
    // Answers to calls still in flight report counts from before the last takes, then the upstream's block.
    await budget.observe('k', hourly, 40, 3_000_000);
    expect(await budget.take('k', hourly)).toBeGreaterThan(0);
    await budget.observe('k', hourly, 0, 3_000_000);
    await budget.observe('k', hourly, 40, 3_000_000);
    expect(await budget.take('k', hourly)).toBeGreaterThan(0);
    // Only the declared refill brings calls back: one every 30 s at 120 per hour.
    time.advance(30_000);
    await budget.observe('k', hourly, 40, 3_000_000);
    expect(await budget.take('k', hourly)).toBe(0);
    expect(await budget.take('k', hourly)).toBeGreaterThan(0);
  });

  it('lifts only a block the upstream reported, not one its own stale counts would undo', async () => {
    const time = fakeTime();
    const budget = new MemoryRateBudget({ clock: time.clock });
    await budget.observe('k', hourly, 2, 3_000_000);
    expect(await budget.take('k', hourly)).toBe(0);
    expect(await budget.take('k', hourly)).toBe(0);
    // A late answer to an earlier call still says 2: the upstream's window is spent all the same.
    await budget.observe('k', hourly, 2, 3_000_000);
    expect(await budget.take('k', hourly)).toBe(3_000_000);
  });
});

describe('MemoryRateBudget memory', () => {
  it('drops buckets that have refilled: a fresh key per verification does not grow it forever', async () => {
    const time = fakeTime();
    const budget = new MemoryRateBudget({ clock: time.clock });
    for (let verification = 0; verification < 5000; verification++) {
      await budget.take(`acme:verify_${verification}:0`, hourly);
    }
    time.advance(hourly.windowMs);
    await budget.take('acme:ia_1:0', hourly);
    expect(budget.size).toBeLessThan(100);
  });

  it('keeps buckets that still hold state', async () => {
    const time = fakeTime();
    const budget = new MemoryRateBudget({ clock: time.clock });
    for (let call = 0; call < hourly.limit; call++) await budget.take('acme:ia_1:0', hourly);
    for (let verification = 0; verification < 5000; verification++) {
      await budget.take(`acme:verify_${verification}:0`, hourly);
    }
    expect(await budget.take('acme:ia_1:0', hourly)).toBeGreaterThan(0);
  });
});
