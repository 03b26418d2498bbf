/**
 * @module The fault-injection vocabulary every simulator shares (options, `sim.faults.set()` and
 * `POST /__sim/faults`), with its validation. Omitted keys leave a fault as it is; `null` (or a zero count)
 * clears it. The budget key is named by each simulator after its provider's window (`hourly_budget` for
 * OneLogin, `minute_budget` for Okta), the rest is common so one recorder can drive any simulator.
 */
import { faultsInvalid } from '../errors.js';
import { isPlainObject } from '../http/request-body.js';

export interface CommonFaultSettings {
  /** Extra latency for every non-control request, on top of the configured latency. */
  latency_ms?: number | null;
  /** The next `count` resource calls answer 429 advertising `reset_seconds` (default 60). */
  rate_limit_storm?: { count: number; reset_seconds?: number } | null;
  /** The next `count` resource calls answer `status` (5xx, default 500). */
  error_burst?: { count: number; status?: number } | null;
  /** Every token stops working after this many resource calls made with it (401 until a new token). */
  expire_tokens_after_calls?: number | null;
  /** One-shot: revoke every issued token now. */
  revoke_all_tokens?: boolean;
}

/** The common settings plus the simulator's budget key (`B`): calls per window, 0 = unlimited. */
export type FaultSettings<B extends string> = CommonFaultSettings & { [key in B]?: number };

export interface CommonFaultSnapshot {
  latency_ms: number;
  rate_limit_storm: { remaining: number; reset_seconds: number } | null;
  error_burst: { remaining: number; status: number } | null;
  expire_tokens_after_calls: number | null;
}

export type FaultSnapshot<B extends string> = CommonFaultSnapshot & { [key in B]: number };

const COMMON_KEYS = [
  'latency_ms',
  'rate_limit_storm',
  'error_burst',
  'expire_tokens_after_calls',
  'revoke_all_tokens',
];

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/**
 * Checks untrusted input (a JSON body) and returns it typed; throws SB_ERR_SIM_FAULTS_INVALID listing every
 * issue.
 */
export function parseFaultSettings<B extends string>(input: unknown, budgetKey: B): FaultSettings<B> {
  if (!isPlainObject(input)) throw faultsInvalid(['expected a JSON object']);
  const issues: string[] = [];
  for (const key of Object.keys(input)) {
    if (!COMMON_KEYS.includes(key) && key !== budgetKey) issues.push(`unknown key "${key}"`);
  }
  const { latency_ms, rate_limit_storm, error_burst, expire_tokens_after_calls, revoke_all_tokens } = input;
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
    const status = isPlainObject(error_burst) ? error_burst['status'] : undefined;
    if (!isPlainObject(error_burst) || !isCount(error_burst['count'])) {
      issues.push('error_burst.count must be a non-negative integer');
    } else if (
      status !== undefined &&
      !(Number.isInteger(status) && (status as number) >= 500 && (status as number) <= 599)
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
  if (input[budgetKey] !== undefined && !isCount(input[budgetKey])) {
    issues.push(`${budgetKey} must be a non-negative integer`);
  }
  if (issues.length > 0) throw faultsInvalid(issues);
  return input as FaultSettings<B>;
}
