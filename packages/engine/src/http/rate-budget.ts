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
   * Tightens the bucket from the upstream's own remaining/reset headers, never beyond the declared policy: with a
   * reset (believed up to `maxResetMs`), `remaining` caps the bucket with no refill until then (a later count with
   * calls remaining lifts only a block the upstream itself reported); without one, it lowers the bucket.
   */
  observe(key: string, policy: BudgetPolicy, remaining: number, resetMs: number): Promise<void>;
}
