import { randomUUID } from 'node:crypto';
import type { BudgetPolicy, RateBudget } from '@switchboard/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, redisReady } from './connect-redis.js';
import { RedisRateBudget } from './redis-rate-budget.js';
import { RedisRefreshLock } from './redis-refresh-lock.js';
import { ResilientRateBudget } from './resilient-rate-budget.js';
import { ResilientRefreshLock } from './resilient-refresh-lock.js';

const url = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const redis = connectRedis(url);
let available = false;

beforeAll(async () => {
  available = await redisReady(redis);
  if (!available)
    console.warn(`\n*** Redis at ${url} is unreachable: the shared-budget tests are SKIPPED ***\n`);
});
afterAll(() => redis.disconnect());

const policy = (limit: number): BudgetPolicy => ({ id: '0', limit, windowMs: 3_600_000 });

describe('RedisRateBudget', () => {
  it('never lets concurrent takers across two clients exceed the budget', async (ctx) => {
    if (!available) ctx.skip();
    const other = connectRedis(url);
    await redisReady(other);
    const key = `test:${randomUUID()}`;
    const budgets = [new RedisRateBudget(redis), new RedisRateBudget(other)];
    const waits = await Promise.all(
      Array.from({ length: 40 }, (_, i) => budgets[i % 2]!.take(key, policy(25))),
    );
    other.disconnect();
    expect(waits.filter((w) => w === 0)).toHaveLength(25);
    // An hour for 25 calls: the next call is about 144 s away.
    expect(Math.min(...waits.filter((w) => w > 0))).toBeGreaterThan(100_000);
  });

  it('takes the upstream remaining count when it is lower', async (ctx) => {
    if (!available) ctx.skip();
    const key = `test:${randomUUID()}`;
    const budget = new RedisRateBudget(redis);
    await budget.observe(key, policy(5000), 1, 60_000);
    expect(await budget.take(key, policy(5000))).toBe(0);
    expect(await budget.take(key, policy(5000))).toBeGreaterThan(0);
  });

  it("takes a call's declared cost, and waits for as many units as it lacks", async (ctx) => {
    if (!available) ctx.skip();
    const key = `test:${randomUUID()}`;
    const budget = new RedisRateBudget(redis);
    expect(await budget.take(key, policy(10), 8)).toBe(0);
    // 2 units left, 3 needed: one more unit refills in 6 minutes (10 per hour).
    const wait = await budget.take(key, policy(10), 3);
    expect(wait).toBeGreaterThan(300_000);
    expect(wait).toBeLessThanOrEqual(360_000);
    expect(await budget.take(key, policy(10), 2)).toBe(0);
  });
});

describe('RedisRateBudget and the upstream window (issue 16, items 6 and 7)', () => {
  const hourly = policy(120);

  it('does not refill before the reported reset, so replicas cannot overspend a fixed window', async (ctx) => {
    if (!available) ctx.skip();
    const key = `test:${randomUUID()}`;
    const budget = new RedisRateBudget(redis);
    await budget.observe(key, hourly, 1, 600_000);
    expect(await budget.take(key, hourly)).toBe(0);
    // Refilling at 120/h would allow the next call within 30 s; the upstream said: not before its reset.
    expect(await budget.take(key, hourly)).toBeGreaterThan(590_000);
  });

  it('clamps a reset far in the future to the policy window', async (ctx) => {
    if (!available) ctx.skip();
    const key = `test:${randomUUID()}`;
    const budget = new RedisRateBudget(redis);
    await budget.observe(key, hourly, 0, 100_000_000);
    const wait = await budget.take(key, hourly);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(hourly.windowMs);
  });

  it('lets a later answer with calls remaining lift a block', async (ctx) => {
    if (!available) ctx.skip();
    const key = `test:${randomUUID()}`;
    const budget = new RedisRateBudget(redis);
    await budget.observe(key, hourly, 0, 3_000_000);
    expect(await budget.take(key, hourly)).toBeGreaterThan(0);
    await budget.observe(key, hourly, 5, 3_000_000);
    expect(await budget.take(key, hourly)).toBe(0);
  });

  it('never lets an upstream count lift the budget replicas have spent: the declared policy is a ceiling', async (ctx) => {
    if (!available) ctx.skip();
    const key = `test:${randomUUID()}`;
    const budget = new RedisRateBudget(redis);
    const spent = await Promise.all(Array.from({ length: hourly.limit }, () => budget.take(key, hourly)));
    expect(spent.every((wait) => wait === 0)).toBe(true);
    // Answers to calls still in flight report counts from before the last takes, then the upstream's block.
    await budget.observe(key, hourly, 40, 3_000_000);
    expect(await budget.take(key, hourly)).toBeGreaterThan(0);
    await budget.observe(key, hourly, 0, 3_000_000);
    await budget.observe(key, hourly, 40, 3_000_000);
    // Only the declared refill brings calls back: the next one in about 30 s at 120 per hour.
    expect(await budget.take(key, hourly)).toBeGreaterThan(20_000);
  });

  it('lifts only a block the upstream reported, not the end of a window its own count allowed', async (ctx) => {
    if (!available) ctx.skip();
    const key = `test:${randomUUID()}`;
    const budget = new RedisRateBudget(redis);
    await budget.observe(key, hourly, 2, 3_000_000);
    expect(await budget.take(key, hourly)).toBe(0);
    expect(await budget.take(key, hourly)).toBe(0);
    // A late answer to an earlier call still says 2: the upstream's window is spent all the same.
    await budget.observe(key, hourly, 2, 3_000_000);
    expect(await budget.take(key, hourly)).toBeGreaterThan(2_990_000);
  });
});

describe('RedisRateBudget keys', () => {
  it('expire once the bucket would be full again, so a fresh key per verification does not pile up', async (ctx) => {
    if (!available) ctx.skip();
    const key = `test:${randomUUID()}`;
    const budget = new RedisRateBudget(redis);
    await budget.take(key, policy(5000));
    // One call of 5,000 per hour refills in 720 ms: the key need not outlive that.
    const ttl = await redis.pttl(`switchboard:budget:${key}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(720);
  });
});

describe('RedisRefreshLock', () => {
  it('runs one holder at a time across clients', async (ctx) => {
    if (!available) ctx.skip();
    const other = connectRedis(url);
    await redisReady(other);
    const key = randomUUID();
    const locks = [new RedisRefreshLock(redis), new RedisRefreshLock(other)];
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        locks[i % 2]!.withLock(key, async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((r) => setTimeout(r, 10));
          inside--;
        }),
      ),
    );
    other.disconnect();
    expect(most).toBe(1);
  });

  it('frees the lock when a holder dies without releasing (fencing timeout)', async (ctx) => {
    if (!available) ctx.skip();
    const key = randomUUID();
    await redis.set(`switchboard:refresh-lock:${key}`, 'dead-holder', 'PX', 100);
    const lock = new RedisRefreshLock(redis, { ttlMs: 1000 });
    await expect(lock.withLock(key, async () => 'ran')).resolves.toBe('ran');
  });
});

describe('when Redis is down', () => {
  const down = connectRedis('redis://127.0.0.1:1');
  afterAll(() => down.disconnect());
  const warnings: string[] = [];
  const logger = { warn: (_: unknown, message: string) => warnings.push(message) };

  it('the budget falls back to the local one with a warning instead of failing', async () => {
    const local: RateBudget = { take: async () => 0, observe: async () => {} };
    const budget = new ResilientRateBudget(new RedisRateBudget(down), local, logger);
    await expect(budget.take('k', policy(10))).resolves.toBe(0);
    expect(warnings.some((w) => w.includes('local rate budget'))).toBe(true);
  });

  it('the refresh lock still runs the refresh', async () => {
    const lock = new ResilientRefreshLock(new RedisRefreshLock(down, { waitMs: 100 }), logger);
    await expect(lock.withLock('k', async () => 'refreshed')).resolves.toBe('refreshed');
  });
});
