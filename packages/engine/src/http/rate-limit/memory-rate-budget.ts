/**
 * @module The in-process `RateBudget`: a token bucket per key. The upstream's own headers correct it: a lower
 * `remaining` lowers the bucket, and `remaining: 0` empties it until the upstream's window resets.
 */
import type { BudgetPolicy, RateBudget } from '../rate-budget.js';

interface Bucket {
  tokens: number;
  refilledAt: number;
  /** Set when the upstream said it has nothing left: no call before this time, then a full bucket. */
  blockedUntil?: number;
}

export class MemoryRateBudget implements RateBudget {
  readonly #buckets = new Map<string, Bucket>();
  readonly #clock: () => number;

  constructor(options: { clock?: () => number } = {}) {
    this.#clock = options.clock ?? Date.now;
  }

  async take(key: string, policy: BudgetPolicy, cost = 1): Promise<number> {
    const bucket = this.#current(key, policy);
    const now = this.#clock();
    if (bucket.blockedUntil !== undefined) return bucket.blockedUntil - now;
    const units = Math.min(cost, policy.limit);
    if (bucket.tokens >= units) {
      bucket.tokens -= units;
      return 0;
    }
    return Math.max(1, Math.ceil(((units - bucket.tokens) * policy.windowMs) / policy.limit));
  }

  async observe(key: string, policy: BudgetPolicy, remaining: number, resetMs: number): Promise<void> {
    const bucket = this.#current(key, policy);
    bucket.tokens = Math.min(bucket.tokens, Math.max(0, remaining));
    if (remaining <= 0 && resetMs > 0) bucket.blockedUntil = this.#clock() + resetMs;
  }

  #current(key: string, policy: BudgetPolicy): Bucket {
    const now = this.#clock();
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = { tokens: policy.limit, refilledAt: now };
      this.#buckets.set(key, bucket);
      return bucket;
    }
    if (bucket.blockedUntil !== undefined) {
      if (now < bucket.blockedUntil) return bucket;
      delete bucket.blockedUntil;
      bucket.tokens = policy.limit;
      bucket.refilledAt = now;
      return bucket;
    }
    const refill = ((now - bucket.refilledAt) * policy.limit) / policy.windowMs;
    bucket.tokens = Math.min(policy.limit, bucket.tokens + refill);
    bucket.refilledAt = now;
    return bucket;
  }
}
