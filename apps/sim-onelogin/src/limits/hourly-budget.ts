/**
 * @module The account-wide hourly call budget ("5,000 calls per hour regardless of how many access tokens you
 * have"): a fixed one-hour window that starts with the first counted call. A limit of 0 means unlimited.
 */

const WINDOW_MS = 3_600_000;

export interface BudgetReading {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window resets (what `x-ratelimit-reset` carries). */
  readonly resetSeconds: number;
}

export class HourlyBudget {
  private used = 0;
  private windowStart: number | undefined;

  constructor(public limit: number) {}

  get unlimited(): boolean {
    return this.limit === 0;
  }

  /** Counts one call when the budget allows it. */
  consume(now: number): BudgetReading {
    this.roll(now);
    if (this.unlimited) return this.read(now, true);
    this.windowStart ??= now;
    if (this.used >= this.limit) return this.read(now, false);
    this.used += 1;
    return this.read(now, true);
  }

  peek(now: number): BudgetReading {
    this.roll(now);
    return this.read(now, this.unlimited || this.used < this.limit);
  }

  reset(): void {
    this.used = 0;
    this.windowStart = undefined;
  }

  private roll(now: number): void {
    if (this.windowStart !== undefined && now - this.windowStart >= WINDOW_MS) this.reset();
  }

  private read(now: number, allowed: boolean): BudgetReading {
    const resetAt = (this.windowStart ?? now) + WINDOW_MS;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(this.limit - this.used, 0),
      resetSeconds: Math.max(Math.ceil((resetAt - now) / 1000), 0),
    };
  }
}
