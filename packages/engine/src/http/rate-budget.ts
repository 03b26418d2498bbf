/**
 * @module The proactive upstream budget (token bucket per account and policy). In memory by default; a Redis
 * implementation shares it between replicas.
 */

export interface BudgetPolicy {
  /** Stable key of the policy within its integration (e.g. `0`). */
  id: string;
  limit: number;
  windowMs: number;
  /**
   * The longest upstream reset believed for this policy (default `windowMs`): a bogus far-future reset cannot
   * block an account for longer than its window.
   */
  maxResetMs?: number;
}

export interface RateBudget {
  /**
   * Takes `cost` units (default 1; the policy's declared per-call cost) from the bucket `key` under `policy`.
   * Returns 0 when allowed now, or how many milliseconds to wait before the call would be allowed (nothing is
   * taken then). A cost above the policy's limit counts as the limit.
   */
  take(key: string, policy: BudgetPolicy, cost?: number): Promise<number>;
  /**
   * Corrects the bucket from the upstream's own remaining/reset headers: `remaining` lowers it (or, after a block,
   * lifts it), and nothing refills before the reset (at most `maxResetMs`), after which the whole limit is back.
   */
  observe(key: string, policy: BudgetPolicy, remaining: number, resetMs: number): Promise<void>;
}
