/**
 * @module The proactive upstream budget (token bucket per account and policy). In memory by default; a Redis
 * implementation shares it between replicas.
 */

export interface BudgetPolicy {
  /** Stable key of the policy within its integration (e.g. `0`). */
  id: string;
  limit: number;
  windowMs: number;
}

export interface RateBudget {
  /**
   * Takes one call from the bucket `key` under `policy`. Returns 0 when allowed now, or how many milliseconds to
   * wait before a call would be allowed (nothing is taken then).
   */
  take(key: string, policy: BudgetPolicy): Promise<number>;
  /** Corrects the bucket from the upstream's own remaining/reset headers. */
  observe(key: string, policy: BudgetPolicy, remaining: number, resetMs: number): Promise<void>;
}
