/**
 * @module The upstream rate budget shared by every API replica: one token bucket per account and policy in Redis,
 * taken and refilled by a Lua script so that concurrent replicas never overspend (OneLogin's 5,000 calls/hour are
 * per OneLogin account, not per replica).
 */
import type { BudgetPolicy, RateBudget } from '@switchboard/engine';
import type { Redis } from 'ioredis';

// KEYS[1] bucket; ARGV: limit, windowMs, cost (units the call takes, at most the limit). The clock is Redis's own
// (TIME), so replicas with skewed clocks agree. Fields: tokens, at (last refill), until (end of the window the
// upstream reported: no refill before it, the whole limit after it).
// Returns 0 when a call was taken, else the milliseconds until one will be available.
const TAKE = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local cost = math.min(tonumber(ARGV[3]) or 1, limit)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'until')
local tokens = tonumber(state[1]) or limit
local at = tonumber(state[2]) or now
local window_end = tonumber(state[3])
if window_end and now >= window_end then
  tokens = limit
  window_end = nil
elseif not window_end then
  tokens = math.min(limit, tokens + (now - at) * limit / window)
end
local wait = 0
if tokens >= cost then
  tokens = tokens - cost
elseif window_end then
  wait = window_end - now
else
  wait = math.ceil((cost - tokens) * window / limit)
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
if window_end then redis.call('HSET', KEYS[1], 'until', window_end) else redis.call('HDEL', KEYS[1], 'until') end
-- Gone once it would be full again (a missing bucket is a full one), so one-off keys do not pile up.
if window_end then
  redis.call('PEXPIRE', KEYS[1], window_end - now + 1)
else
  redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((limit - tokens) * window / limit)))
end
return wait
`;

// KEYS[1] bucket; ARGV: limit, windowMs, remaining, resetMs (already clamped). The upstream's count wins when it
// is lower, or when calls remain after a block (it recovered); its reset starts a window with no refill.
const OBSERVE = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'until')
local tokens = tonumber(state[1]) or limit
local window_end = tonumber(state[3])
if window_end and now >= window_end then
  tokens = limit
  window_end = nil
end
local left = math.min(limit, math.max(0, tonumber(ARGV[3])))
local reset = tonumber(ARGV[4])
if window_end and tokens < 1 and left > 0 then
  tokens = left
elseif left < tokens then
  tokens = left
end
if reset > 0 then window_end = now + reset elseif left > 0 then window_end = nil end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
if window_end then redis.call('HSET', KEYS[1], 'until', window_end) else redis.call('HDEL', KEYS[1], 'until') end
if window_end then
  redis.call('PEXPIRE', KEYS[1], window_end - now + 1)
else
  redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((limit - tokens) * window / limit)))
end
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
