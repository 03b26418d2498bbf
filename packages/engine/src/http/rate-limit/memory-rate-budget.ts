/**
 * @module The in-process `RateBudget`: a token bucket per key, refilled at the declared rate. The declared policy is
 * a ceiling the upstream's headers can only tighten: a reported window (remaining with a reset) caps the bucket
 * with the upstream's count, which does not refill before the reset (a fixed window, such as OneLogin's hour, does
 * not trickle back). Once the reset passes the cap goes, and the bucket is what its own refill made it. A reset is
 * never trusted beyond the policy's own window, and a later answer with calls remaining lifts the upstream's block
 * (it recovered early) but never the bucket's own count: stale `remaining` values from answers to calls in flight
 * must not let more through than the policy declares.
 */
import type { BudgetPolicy, RateBudget } from '../rate-budget.js';

interface Bucket {
  /** The policy it counts for (to tell, when sweeping, whether it has refilled). */
  policy: BudgetPolicy;
  /** The declared policy's own count: lowered by takes, raised only by its refill. */
  tokens: number;
  refilledAt: number;
  /**
   * The upstream's reported window: at most `remaining` calls, with no refill, until `endsAt`; `blocked` when the
   * upstream itself said nothing was left (only such a block may be lifted by a later count).
   */
  upstream?: { remaining: number; endsAt: number; blocked: boolean };
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
    const { upstream } = bucket;
    const ownWait =
      bucket.tokens >= units
        ? 0
        : Math.max(1, Math.ceil(((units - bucket.tokens) * policy.windowMs) / policy.limit));
    const upstreamWait =
      upstream === undefined || upstream.remaining >= units ? 0 : upstream.endsAt - this.#clock();
    if (ownWait > 0 || upstreamWait > 0) return Math.max(ownWait, upstreamWait);
    bucket.tokens -= units;
    if (upstream) upstream.remaining -= units;
    return 0;
  }

  async observe(key: string, policy: BudgetPolicy, remaining: number, resetMs: number): Promise<void> {
    const bucket = this.#current(key, policy);
    const left = Math.min(policy.limit, Math.max(0, remaining));
    const reset = clampReset(resetMs, policy);
    if (reset === 0) {
      // No window to wait for: the count lowers the bucket itself, which then refills at the declared rate.
      bucket.tokens = Math.min(bucket.tokens, left);
      if (left > 0) delete bucket.upstream;
      return;
    }
    const previous = bucket.upstream;
    // Calls remaining after the upstream said it had none: it recovered, believe it. Otherwise only ever lower
    // its count (answers to calls still in flight may report a count from before our latest takes). Either way
    // the bucket's own count stays the ceiling.
    const lifted = previous === undefined || (previous.blocked && left > 0);
    const count = lifted ? left : Math.min(previous.remaining, left);
    bucket.upstream = { remaining: count, endsAt: this.#clock() + reset, blocked: left < 1 };
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
    if (bucket.upstream !== undefined && now >= bucket.upstream.endsAt) delete bucket.upstream;
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
        bucket.tokens + ((now - bucket.refilledAt) * policy.limit) / policy.windowMs >= policy.limit &&
        (bucket.upstream === undefined || now >= bucket.upstream.endsAt);
      if (full) this.#buckets.delete(key);
    }
    this.#sweepAt = Math.max(SWEEP_FLOOR, this.#buckets.size * 2);
  }
}
