/**
 * @module The in-process `RateBudget`: a token bucket per key, refilled at the declared rate until the upstream
 * reports its own window. From then on the upstream's count is the truth: `remaining` lowers the bucket and no
 * refill happens before the reported reset (a fixed window, such as OneLogin's hour, does not trickle back), after
 * which the whole limit is available. A reset is never trusted beyond the policy's own window, and a later answer
 * with calls remaining lifts a block (the upstream recovered early).
 */
import type { BudgetPolicy, RateBudget } from '../rate-budget.js';

interface Bucket {
  /** The policy it counts for (to tell, when sweeping, whether it has refilled). */
  policy: BudgetPolicy;
  tokens: number;
  refilledAt: number;
  /** The end of the window the upstream reported: no refill before it, the full limit after it. */
  windowEndsAt?: number;
}

/** The reported reset, but never beyond `maxResetMs` (default: the policy's window). */
function clampReset(resetMs: number, policy: BudgetPolicy): number {
  return Math.min(Math.max(0, resetMs), policy.maxResetMs ?? policy.windowMs);
}

/** Below this many buckets no sweep runs. */
const SWEEP_FLOOR = 1024;
/** Above the floor, a sweep runs at least this often (buckets refill with time, not only with insertions). */
const SWEEP_INTERVAL_MS = 60_000;

export class MemoryRateBudget implements RateBudget {
  readonly #buckets = new Map<string, Bucket>();
  readonly #clock: () => number;
  #sweepAt = SWEEP_FLOOR;
  #sweptAt = 0;

  constructor(options: { clock?: () => number } = {}) {
    this.#clock = options.clock ?? Date.now;
  }

  /** How many buckets are held. */
  get size(): number {
    return this.#buckets.size;
  }

  async take(key: string, policy: BudgetPolicy, cost = 1): Promise<number> {
    const bucket = this.#current(key, policy);
    const units = Math.min(cost, policy.limit);
    if (bucket.tokens >= units) {
      bucket.tokens -= units;
      return 0;
    }
    if (bucket.windowEndsAt !== undefined) return bucket.windowEndsAt - this.#clock();
    return Math.max(1, Math.ceil(((units - bucket.tokens) * policy.windowMs) / policy.limit));
  }

  async observe(key: string, policy: BudgetPolicy, remaining: number, resetMs: number): Promise<void> {
    const bucket = this.#current(key, policy);
    const left = Math.min(policy.limit, Math.max(0, remaining));
    // Calls remaining after a block: the upstream recovered, believe it. Otherwise only ever lower the count
    // (answers to calls still in flight may report a count from before our latest takes).
    const blocked = bucket.windowEndsAt !== undefined && bucket.tokens < 1;
    bucket.tokens = blocked && left > 0 ? left : Math.min(bucket.tokens, left);
    const reset = clampReset(resetMs, policy);
    if (reset > 0) bucket.windowEndsAt = this.#clock() + reset;
    else if (left > 0) delete bucket.windowEndsAt;
    bucket.refilledAt = this.#clock();
  }

  #current(key: string, policy: BudgetPolicy): Bucket {
    const now = this.#clock();
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      const size = this.#buckets.size;
      if (size >= this.#sweepAt || (size >= SWEEP_FLOOR && now - this.#sweptAt >= SWEEP_INTERVAL_MS))
        this.#sweep(now);
      bucket = { policy, tokens: policy.limit, refilledAt: now };
      this.#buckets.set(key, bucket);
      return bucket;
    }
    bucket.policy = policy;
    if (bucket.windowEndsAt !== undefined) {
      if (now < bucket.windowEndsAt) return bucket;
      delete bucket.windowEndsAt;
      bucket.tokens = policy.limit;
      bucket.refilledAt = now;
      return bucket;
    }
    const refill = ((now - bucket.refilledAt) * policy.limit) / policy.windowMs;
    bucket.tokens = Math.min(policy.limit, bucket.tokens + refill);
    bucket.refilledAt = now;
    return bucket;
  }

  /**
   * Drops the buckets that have refilled to their limit: they hold nothing a new bucket would not. Keys come from
   * callers (every credential verification uses a fresh one), so without this the map only ever grows. Runs when
   * the map doubles (its cost spread over the insertions that made it necessary) and at most every minute above
   * the floor.
   */
  #sweep(now: number): void {
    this.#sweptAt = now;
    for (const [key, bucket] of this.#buckets) {
      const { policy } = bucket;
      const full =
        bucket.windowEndsAt === undefined
          ? bucket.tokens + ((now - bucket.refilledAt) * policy.limit) / policy.windowMs >= policy.limit
          : now >= bucket.windowEndsAt;
      if (full) this.#buckets.delete(key);
    }
    this.#sweepAt = Math.max(SWEEP_FLOOR, this.#buckets.size * 2);
  }
}
