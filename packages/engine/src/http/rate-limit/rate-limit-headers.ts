/**
 * @module Reads the upstream's declared rate-limit headers from a response.
 */

import { headerDelayMs } from '../time/header-delay.js';
import type { RateLimitInfo } from '../upstream.js';
import type { RateLimitHeaders } from './rate-limit-plan.js';

export interface ObservedRateLimit {
  limit?: number;
  remaining: number;
  resetMs: number;
}

const COUNT = /^\d+$/;

/** The observation, or undefined when `remaining` or `reset` is missing or malformed. */
export function readRateLimitHeaders(
  headers: Readonly<Record<string, string>>,
  declared: RateLimitHeaders,
  now: number,
): ObservedRateLimit | undefined {
  const remaining = headers[declared.remaining]?.trim();
  const reset = headers[declared.reset];
  if (remaining === undefined || !COUNT.test(remaining) || reset === undefined) return undefined;
  const resetMs = headerDelayMs(reset, declared.resetFormat, now);
  if (resetMs === undefined) return undefined;
  const observed: ObservedRateLimit = { remaining: Number(remaining), resetMs };
  const limit = declared.limit ? headers[declared.limit]?.trim() : undefined;
  if (limit !== undefined && COUNT.test(limit)) observed.limit = Number(limit);
  return observed;
}

export function toRateLimitInfo(observed: ObservedRateLimit): RateLimitInfo {
  return {
    ...(observed.limit === undefined ? {} : { limit: observed.limit }),
    remaining: observed.remaining,
    reset: Math.ceil(observed.resetMs / 1000),
  };
}
