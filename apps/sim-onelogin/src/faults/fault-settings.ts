/**
 * @module The fault-injection vocabulary shared by `SimulatorOptions.faults`, `sim.faults.set()` and
 * `POST /__sim/faults`, with its validation. Omitted keys leave a fault as it is; `null` (or a zero count)
 * clears it.
 */
import { faultsInvalid } from '../errors.js';
import { isPlainObject } from '../wire/request-body.js';

export interface FaultSettings {
  /** Extra latency for every non-control request, on top of `latencyMs`. */
  latency_ms?: number | null;
  /** The next `count` /api calls answer 429 with `Retry-After: reset_seconds` (default 60). */
  rate_limit_storm?: { count: number; reset_seconds?: number } | null;
  /** The next `count` /api calls answer `status` (5xx, default 500). */
  error_burst?: { count: number; status?: number } | null;
  /** Every token stops working after this many resource calls made with it (401 until a new token). */
  expire_tokens_after_calls?: number | null;
  /** One-shot: revoke every issued token now. */
  revoke_all_tokens?: boolean;
  /** Replaces the hourly budget (0 = unlimited); the current window's count is kept. */
  hourly_budget?: number;
}

export interface FaultSnapshot {
  latency_ms: number;
  rate_limit_storm: { remaining: number; reset_seconds: number } | null;
  error_burst: { remaining: number; status: number } | null;
  expire_tokens_after_calls: number | null;
  hourly_budget: number;
}

const KEYS = new Set([
  'latency_ms',
  'rate_limit_storm',
  'error_burst',
  'expire_tokens_after_calls',
  'revoke_all_tokens',
  'hourly_budget',
]);

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** Checks untrusted input (a JSON body) and returns it typed; throws SB_ERR_SIM_FAULTS_INVALID listing every issue. */
export function parseFaultSettings(input: unknown): FaultSettings {
  if (!isPlainObject(input)) throw faultsInvalid(['expected a JSON object']);
  const issues: string[] = [];
  for (const key of Object.keys(input)) if (!KEYS.has(key)) issues.push(`unknown key "${key}"`);
  const {
    latency_ms,
    rate_limit_storm,
    error_burst,
    expire_tokens_after_calls,
    revoke_all_tokens,
    hourly_budget,
  } = input;
  if (latency_ms !== undefined && latency_ms !== null && !isCount(latency_ms)) {
    issues.push('latency_ms must be a non-negative integer');
  }
  if (rate_limit_storm !== undefined && rate_limit_storm !== null) {
    if (!isPlainObject(rate_limit_storm) || !isCount(rate_limit_storm['count'])) {
      issues.push('rate_limit_storm.count must be a non-negative integer');
    } else if (
      rate_limit_storm['reset_seconds'] !== undefined &&
      !isCount(rate_limit_storm['reset_seconds'])
    ) {
      issues.push('rate_limit_storm.reset_seconds must be a non-negative integer');
    }
  }
  if (error_burst !== undefined && error_burst !== null) {
    if (!isPlainObject(error_burst) || !isCount(error_burst['count'])) {
      issues.push('error_burst.count must be a non-negative integer');
    } else if (
      error_burst['status'] !== undefined &&
      !(
        Number.isInteger(error_burst['status']) &&
        (error_burst['status'] as number) >= 500 &&
        (error_burst['status'] as number) <= 599
      )
    ) {
      issues.push('error_burst.status must be an integer from 500 to 599');
    }
  }
  if (
    expire_tokens_after_calls !== undefined &&
    expire_tokens_after_calls !== null &&
    !isCount(expire_tokens_after_calls)
  ) {
    issues.push('expire_tokens_after_calls must be a non-negative integer');
  }
  if (revoke_all_tokens !== undefined && typeof revoke_all_tokens !== 'boolean') {
    issues.push('revoke_all_tokens must be a boolean');
  }
  if (hourly_budget !== undefined && !isCount(hourly_budget)) {
    issues.push('hourly_budget must be a non-negative integer');
  }
  if (issues.length > 0) throw faultsInvalid(issues);
  return input as FaultSettings;
}
