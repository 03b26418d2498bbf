/**
 * @module Live fault state. The public face is {@link FaultControl} (the same operations as the control
 * endpoint); the request guard uses the `take*` methods, each of which consumes one unit of a fault.
 */
import type { FaultSettings, FaultSnapshot } from './fault-settings.js';
import { parseFaultSettings } from './fault-settings.js';

export interface FaultControl {
  /** Applies settings (validated, all-or-nothing) and returns the resulting state. */
  set(settings: FaultSettings): FaultSnapshot;
  /** Clears every fault; the hourly budget returns to its configured value. */
  clear(): FaultSnapshot;
  snapshot(): FaultSnapshot;
}

/** What faults need from the rest of the simulator. */
export interface FaultHooks {
  revokeAllTokens(): void;
  restartTokenFaultCounts(): void;
  getHourlyBudget(): number;
  setHourlyBudget(limit: number): void;
}

const DEFAULT_STORM_RESET_SECONDS = 60;

export class Faults implements FaultControl {
  private latency = 0;
  private storm: { remaining: number; reset_seconds: number } | null = null;
  private burst: { remaining: number; status: number } | null = null;
  private expireAfter: number | null = null;

  constructor(
    private readonly hooks: FaultHooks,
    private readonly configuredBudget: number,
  ) {}

  set(settings: FaultSettings): FaultSnapshot {
    const valid = parseFaultSettings(settings);
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
      this.hooks.restartTokenFaultCounts();
    }
    if (valid.hourly_budget !== undefined) this.hooks.setHourlyBudget(valid.hourly_budget);
    if (valid.revoke_all_tokens === true) this.hooks.revokeAllTokens();
    return this.snapshot();
  }

  clear(): FaultSnapshot {
    this.latency = 0;
    this.storm = null;
    this.burst = null;
    this.expireAfter = null;
    this.hooks.setHourlyBudget(this.configuredBudget);
    return this.snapshot();
  }

  snapshot(): FaultSnapshot {
    return {
      latency_ms: this.latency,
      rate_limit_storm: this.storm === null ? null : { ...this.storm },
      error_burst: this.burst === null ? null : { ...this.burst },
      expire_tokens_after_calls: this.expireAfter,
      hourly_budget: this.hooks.getHourlyBudget(),
    };
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
