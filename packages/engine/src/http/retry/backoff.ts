/**
 * @module Exponential backoff with optional full jitter (a uniform draw between 0 and the capped exponential),
 * which spreads retries of many clients instead of synchronising them.
 */
import type { RetryPolicy } from './retry-policy.js';

/** The wait before retry number `retry` (1 for the first retry). */
export function backoffMs(policy: RetryPolicy['backoff'], retry: number, random: () => number = Math.random) {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, retry - 1));
  return policy.jitter === 'full' ? Math.floor(random() * ceiling) : ceiling;
}
