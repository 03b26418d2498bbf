/**
 * @module The upstream rate budget shared by every API replica: one token bucket per account and policy in Redis,
 * taken and refilled by a Lua script so that concurrent replicas never overspend (OneLogin's 5,000 calls/hour are
 * per OneLogin account, not per replica).
 */
import type { BudgetPolicy, RateBudget } from '@switchboard/engine';
import type { Redis } from 'ioredis';

// The bucket's fields: tokens and at (the declared policy's own count and its last refill: lowered by takes, raised
// only by the refill, so that the policy stays a ceiling), and the upstream's reported window, which can only
// tighten it: up (at most this many calls, no refill) until until, with blocked = 1 when the upstream itself said
// nothing was left. The clock is Redis's own (TIME), so replicas with skewed clocks agree. Both scripts share the
// prelude (read, refill, drop an ended window) and the epilogue (write; the key is gone once it would be full again,
// since a missing bucket is a full one, so one-off keys do not pile up).
const PRELUDE = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'up', 'until', 'blocked')
local tokens = tonumber(state[1]) or limit
local at = tonumber(state[2]) or now
local up = tonumber(state[3])
local window_end = tonumber(state[4])
local blocked = state[5] == '1'
tokens = math.min(limit, tokens + (now - at) * limit / window)
if not (window_end and up) or now >= window_end then
  up = nil
  window_end = nil
  blocked = false
end
`;

const EPILOGUE = `
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
local ttl = math.max(1, math.ceil((limit - tokens) * window / limit))
if window_end then
  redis.call('HSET', KEYS[1], 'up', up, 'until', window_end, 'blocked', blocked and 1 or 0)
  ttl = math.max(ttl, window_end - now + 1)
else
  redis.call('HDEL', KEYS[1], 'up', 'until', 'blocked')
end
redis.call('PEXPIRE', KEYS[1], ttl)
`;

// KEYS[1] bucket; ARGV: limit, windowMs, cost (units the call takes, at most the limit). Both counts must hold the
// cost. Returns 0 when a call was taken, else the milliseconds until one will be available (nothing is taken).
const TAKE = `${PRELUDE}
local cost = math.min(tonumber(ARGV[3]) or 1, limit)
local wait = 0
if tokens < cost then wait = math.max(1, math.ceil((cost - tokens) * window / limit)) end
if up and up < cost then wait = math.max(wait, window_end - now) end
if wait == 0 then
  tokens = tokens - cost
  if up then up = up - cost end
end
${EPILOGUE}
return wait
`;

// KEYS[1] bucket; ARGV: limit, windowMs, remaining, resetMs (already clamped). With a reset, the upstream's count
// caps the bucket until then: it only ever lowers an earlier count (answers to calls in flight report counts from
// before later takes), except that calls remaining after the upstream's own block lift that block (it recovered).
// Without a reset, the count lowers the bucket itself, which then refills at the declared rate.
const OBSERVE = `${PRELUDE}
local left = math.min(limit, math.max(0, tonumber(ARGV[3])))
local reset = tonumber(ARGV[4])
if reset > 0 then
  if up and not (blocked and left > 0) then up = math.min(up, left) else up = left end
  window_end = now + reset
  blocked = left < 1
else
  tokens = math.min(tokens, left)
  if left > 0 then window_end = nil end
end
${EPILOGUE}
return 0
`;

export class RedisRateBudget implements RateBudget {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'switchboard:budget:',
  ) {}

  async take(key: string, policy: BudgetPolicy, cost = 1): Promise<number> {
    const wait = await this.redis.eval(TAKE, 1, this.#key(key), policy.limit, policy.windowMs, cost);
    return Number(wait);
  }

  async observe(key: string, policy: BudgetPolicy, remaining: number, resetMs: number): Promise<void> {
    // Never beyond the policy's bound: a bogus far-future reset cannot block the account for a day.
    const reset = Math.min(Math.max(0, Math.ceil(resetMs)), policy.maxResetMs ?? policy.windowMs);
    await this.redis.eval(OBSERVE, 1, this.#key(key), policy.limit, policy.windowMs, remaining, reset);
  }

  // The engine's key already names the account and the policy.
  #key(key: string): string {
    return this.prefix + key;
  }
}
