/**
 * @module The network settings of one integration, resolved once from its definition and the operator's
 * overrides: timeouts, retry policy, rate-limit plan, auth strategy.
 */
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { authStrategy } from './auth/strategies.js';
import type { AuthStrategy } from './auth/strategy.js';
import { type RateLimitOverride, type RateLimitPlan, rateLimitPlan } from './rate-limit/rate-limit-plan.js';
import { type RetryPolicy, retryPolicy } from './retry/retry-policy.js';
import { parseDuration } from './time/parse-duration.js';
import type { Timeouts } from './transport/exchange.js';

/** `total` bounds a call with its retries: well under the minute after which callers and proxies give up. */
export const DEFAULT_TIMEOUTS = { connect: '10s', headers: '30s', body: '30s', total: '40s' };

export interface IntegrationPlan {
  timeouts: Timeouts;
  retry: RetryPolicy;
  rateLimit: RateLimitPlan;
  auth: AuthStrategy;
}

export function integrationPlan(
  integration: CompiledIntegration,
  override?: RateLimitOverride,
): IntegrationPlan {
  const { definition } = integration;
  const timeouts = definition.timeouts;
  return {
    timeouts: {
      connectMs: parseDuration(timeouts?.connect ?? DEFAULT_TIMEOUTS.connect, 0),
      headersMs: parseDuration(timeouts?.headers ?? DEFAULT_TIMEOUTS.headers, 0),
      bodyMs: parseDuration(timeouts?.body ?? DEFAULT_TIMEOUTS.body, 0),
      totalMs: parseDuration(timeouts?.total ?? DEFAULT_TIMEOUTS.total, 0),
    },
    retry: retryPolicy(definition.retry),
    rateLimit: rateLimitPlan(definition.rate_limit, override),
    auth: authStrategy(definition.auth),
  };
}
