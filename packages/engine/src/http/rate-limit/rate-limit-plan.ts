/**
 * @module An integration's `rate_limit:` block compiled once: budget policies with their matchers, the
 * correcting headers and the concurrency cap, after the operator's override (`off` or a replacement budget).
 */
import type { HttpMethod, RateLimit, ResetFormat } from '@switchboard/schema';
import type { BudgetPolicy } from '../rate-budget.js';
import { parseDuration } from '../time/parse-duration.js';

export interface MatchedPolicy extends BudgetPolicy {
  method?: HttpMethod;
  path?: RegExp;
}

export interface RateLimitHeaders {
  limit?: string;
  remaining: string;
  reset: string;
  resetFormat: ResetFormat;
}

export interface RateLimitPlan {
  policies: MatchedPolicy[];
  headers?: RateLimitHeaders;
  concurrency?: number;
  /** False under the operator's `off`: headers are still read for `rateLimit()`, nothing is held back. */
  enforce: boolean;
}

export type RateLimitOverride = 'off' | { limit: number; windowMs: number };

/**
 * Requests that match no policy but run against an integration with rate-limit headers still stop when the
 * upstream says nothing is left; this bucket carries that state.
 */
export const HEADER_POLICY: BudgetPolicy = { id: 'headers', limit: 1_000_000, windowMs: 1000 };

export function rateLimitPlan(rateLimit: RateLimit | undefined, override?: RateLimitOverride): RateLimitPlan {
  const plan: RateLimitPlan = { policies: [], enforce: override !== 'off' };
  if (typeof override === 'object')
    plan.policies.push({ id: 'override', limit: override.limit, windowMs: override.windowMs });
  else if (override === undefined)
    rateLimit?.policies?.forEach((policy, index) => {
      const matched: MatchedPolicy = {
        id: String(index),
        limit: policy.limit,
        windowMs: parseDuration(policy.per, 0),
      };
      if (policy.match?.method) matched.method = policy.match.method;
      if (policy.match?.path) matched.path = new RegExp(policy.match.path);
      plan.policies.push(matched);
    });
  if (rateLimit?.headers) {
    const { limit, remaining, reset, reset_format } = rateLimit.headers;
    plan.headers = {
      remaining: remaining.toLowerCase(),
      reset: reset.toLowerCase(),
      resetFormat: reset_format,
      ...(limit ? { limit: limit.toLowerCase() } : {}),
    };
  }
  if (rateLimit?.concurrency && plan.enforce) plan.concurrency = rateLimit.concurrency;
  return plan;
}

/** Every policy counting this request; all of them must allow it (e.g. a per-minute and a per-day window). */
export function policiesFor(plan: RateLimitPlan, method: HttpMethod, pathname: string): BudgetPolicy[] {
  if (!plan.enforce) return [];
  const matched: BudgetPolicy[] = plan.policies.filter(
    (policy) => (!policy.method || policy.method === method) && (!policy.path || policy.path.test(pathname)),
  );
  if (matched.length === 0 && plan.headers) matched.push(HEADER_POLICY);
  return matched;
}
