/**
 * @module The upstream rate budget shared by every API replica: one token bucket per account and policy in Redis,
 * taken and refilled by a Lua script so that concurrent replicas never overspend (OneLogin's 5,000 calls/hour are
 * per OneLogin account, not per replica).
 */
import type { BudgetPolicy, RateBudget } from '@switchboard/engine';
import type { Redis } from 'ioredis';

// KEYS[1] bucket; ARGV: limit, windowMs, cost (units the call takes, at most the limit). The clock is Redis's own (TIME), so replicas with skewed clocks agree.
// Returns 0 when a call was taken, else the milliseconds until one will be available.
const TAKE = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local cost = math.min(tonumber(ARGV[3]) or 1, limit)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or limit
local at = tonumber(state[2]) or now
tokens = math.min(limit, tokens + (now - at) * limit / window)
local wait = 0
if tokens >= cost then tokens = tokens - cost else wait = math.ceil((cost - tokens) * window / limit) end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
redis.call('PEXPIRE', KEYS[1], window * 2)
return wait
`;

// KEYS[1] bucket; ARGV: limit, windowMs, remaining. The upstream's own count wins when it is lower.
const OBSERVE = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local limit = tonumber(ARGV[1])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or limit
local remaining = tonumber(ARGV[3])
if remaining < tokens then tokens = remaining end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
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

  async observe(key: string, policy: BudgetPolicy, remaining: number, _resetMs: number): Promise<void> {
    await this.redis.eval(OBSERVE, 1, this.#key(key), policy.limit, policy.windowMs, remaining);
  }

  // The engine's key already names the account and the policy.
  #key(key: string): string {
    return this.prefix + key;
  }
}
