/**
 * @module An integration's `rate_limit:` block compiled once: budget policies with their matchers, the
 * correcting headers and the concurrency cap, after the operator's override (`off` or a replacement budget).
 */
import type { HttpMethod, RateLimit, ResetFormat } from '@switchboard/schema';
import type { BudgetPolicy } from '../rate-budget.js';
import { parseDuration } from '../time/parse-duration.js';

/** Which requests something applies to (`match:`): every condition given must hold. */
export interface RequestMatcher {
  methods?: ReadonlySet<HttpMethod>;
  path?: RegExp;
}

export interface MatchedPolicy extends BudgetPolicy, RequestMatcher {
  /** Units a matching call takes: a number, or the first matching entry of a list (1 when none matches). */
  cost?: number | readonly { match: RequestMatcher; cost: number }[];
}

/** A policy that counts a request, with what the request costs under it. */
export interface PolicyCharge {
  policy: BudgetPolicy;
  cost: number;
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
export const HEADER_POLICY: BudgetPolicy = {
  id: 'headers',
  limit: 1_000_000,
  windowMs: 1000,
  // No declared window to bound the upstream's reset: an hour at most.
  maxResetMs: 3_600_000,
};

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
      Object.assign(matched, requestMatcher(policy.match));
      if (typeof policy.cost === 'number') matched.cost = policy.cost;
      else if (policy.cost)
        matched.cost = policy.cost.map((entry) => ({ match: requestMatcher(entry.match), cost: entry.cost }));
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

function requestMatcher(match: NonNullable<RateLimit['policies']>[number]['match']): RequestMatcher {
  const matcher: RequestMatcher = {};
  const methods = [...(match?.method ? [match.method] : []), ...(match?.methods ?? [])];
  if (methods.length > 0) matcher.methods = new Set(methods);
  if (match?.path) matcher.path = new RegExp(match.path);
  return matcher;
}

function matches(matcher: RequestMatcher, method: HttpMethod, pathname: string): boolean {
  return (!matcher.methods || matcher.methods.has(method)) && (!matcher.path || matcher.path.test(pathname));
}

function costOf(policy: MatchedPolicy, method: HttpMethod, pathname: string): number {
  if (typeof policy.cost === 'number') return policy.cost;
  return policy.cost?.find((entry) => matches(entry.match, method, pathname))?.cost ?? 1;
}

/** Every policy counting this request; all of them must allow it (e.g. a per-minute and a per-day window). */
export function policiesFor(plan: RateLimitPlan, method: HttpMethod, pathname: string): BudgetPolicy[] {
  return chargesFor(plan, method, pathname).map((charge) => charge.policy);
}

/** The policies counting this request and what it costs under each. */
export function chargesFor(plan: RateLimitPlan, method: HttpMethod, pathname: string): PolicyCharge[] {
  if (!plan.enforce) return [];
  const charges: PolicyCharge[] = plan.policies
    .filter((policy) => matches(policy, method, pathname))
    .map((policy) => ({ policy, cost: costOf(policy, method, pathname) }));
  if (charges.length === 0 && plan.headers) charges.push({ policy: HEADER_POLICY, cost: 1 });
  return charges;
}
