/**
 * @module Live fault state. The public face is {@link FaultControl} (the same operations as the control
 * endpoint); the request guard uses the `take*` methods, each of which consumes one unit of a fault.
 */

import type { TokenStore } from '../auth/token-store.js';
import { type FaultSettings, type FaultSnapshot, parseFaultSettings } from './fault-settings.js';

export interface FaultControl<B extends string> {
  /** Applies settings (validated, all-or-nothing) and returns the resulting state. */
  set(settings: FaultSettings<B>): FaultSnapshot<B>;
  /** Clears every fault; the budget returns to its configured value. */
  clear(): FaultSnapshot<B>;
  snapshot(): FaultSnapshot<B>;
}

const DEFAULT_STORM_RESET_SECONDS = 60;

export class Faults<B extends string> implements FaultControl<B> {
  private latency = 0;
  private storm: { remaining: number; reset_seconds: number } | null = null;
  private burst: { remaining: number; status: number } | null = null;
  private expireAfter: number | null = null;
  private readonly configuredBudget: number;

  /**
   * @param budgetKey the simulator's name for its budget fault (`hourly_budget`, `minute_budget`, …)
   * @param tokens the store the token faults act on
   * @param budget what the budget fault sets the `limit` of (a `RateLimitWindow`, or several behind one setter);
   *   its limit at construction is what `clear` restores
   */
  constructor(
    readonly budgetKey: B,
    private readonly tokens: Pick<TokenStore, 'revokeAll' | 'restartFaultCounts'>,
    private readonly budget: { limit: number },
  ) {
    this.configuredBudget = budget.limit;
  }

  set(settings: FaultSettings<B>): FaultSnapshot<B> {
    const valid = parseFaultSettings(settings, this.budgetKey);
    if (valid.latency_ms !== undefined) this.latency = valid.latency_ms ?? 0;
    if (valid.rate_limit_storm !== undefined) {
      const storm = valid.rate_limit_storm;
      this.storm =
        storm === null || storm.count === 0
          ? null
          : { remaining: storm.count, reset_seconds: storm.reset_seconds ?? DEFAULT_STORM_RESET_SECONDS };
    }
    if (valid.error_burst !== undefined) {
      const burst = valid.error_burst;
      this.burst =
        burst === null || burst.count === 0 ? null : { remaining: burst.count, status: burst.status ?? 500 };
    }
    if (valid.expire_tokens_after_calls !== undefined) {
      this.expireAfter = valid.expire_tokens_after_calls === 0 ? null : valid.expire_tokens_after_calls;
      this.tokens.restartFaultCounts();
    }
    const budget = (valid as Record<string, unknown>)[this.budgetKey];
    if (typeof budget === 'number') this.budget.limit = budget;
    if (valid.revoke_all_tokens === true) this.tokens.revokeAll();
    return this.snapshot();
  }

  clear(): FaultSnapshot<B> {
    this.latency = 0;
    this.storm = null;
    this.burst = null;
    this.expireAfter = null;
    this.budget.limit = this.configuredBudget;
    return this.snapshot();
  }

  snapshot(): FaultSnapshot<B> {
    return {
      latency_ms: this.latency,
      rate_limit_storm: this.storm === null ? null : { ...this.storm },
      error_burst: this.burst === null ? null : { ...this.burst },
      expire_tokens_after_calls: this.expireAfter,
      [this.budgetKey]: this.budget.limit,
    } as FaultSnapshot<B>;
  }

  get latencyMs(): number {
    return this.latency;
  }

  get expireTokensAfterCalls(): number | null {
    return this.expireAfter;
  }

  /** Seconds to advertise when this call is caught by a storm, else `undefined`. */
  takeStorm(): number | undefined {
    if (this.storm === null) return undefined;
    const reset = this.storm.reset_seconds;
    this.storm.remaining -= 1;
    if (this.storm.remaining <= 0) this.storm = null;
    return reset;
  }

  /** The 5xx status for this call when an error burst is active, else `undefined`. */
  takeErrorBurst(): number | undefined {
    if (this.burst === null) return undefined;
    const status = this.burst.status;
    this.burst.remaining -= 1;
    if (this.burst.remaining <= 0) this.burst = null;
    return status;
  }
}
