/**
 * @module A fixed-window call budget: `limit` calls per `windowMs`, the window starting with the first counted
 * call. OneLogin counts per hour per account, Okta per minute per endpoint family; a limit of 0 means
 * unlimited. Readings carry both the seconds left and the reset instant, since providers advertise one or the
 * other.
 */

export interface RateLimitReading {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window resets (OneLogin's `x-ratelimit-reset`, `Retry-After`). */
  readonly resetSeconds: number;
  /** Epoch seconds at which the window resets (Okta's `X-Rate-Limit-Reset`). */
  readonly resetEpochSeconds: number;
}

export class RateLimitWindow {
  private used = 0;
  private windowStart: number | undefined;

  constructor(
    public limit: number,
    private readonly windowMs: number,
  ) {}

  get unlimited(): boolean {
    return this.limit === 0;
  }

  /** Counts one call when the budget allows it. */
  consume(now: number): RateLimitReading {
    this.roll(now);
    if (this.unlimited) return this.read(now, true);
    this.windowStart ??= now;
    if (this.used >= this.limit) return this.read(now, false);
    this.used += 1;
    return this.read(now, true);
  }

  peek(now: number): RateLimitReading {
    this.roll(now);
    return this.read(now, this.unlimited || this.used < this.limit);
  }

  reset(): void {
    this.used = 0;
    this.windowStart = undefined;
  }

  private roll(now: number): void {
    if (this.windowStart !== undefined && now - this.windowStart >= this.windowMs) this.reset();
  }

  private read(now: number, allowed: boolean): RateLimitReading {
    const resetAt = (this.windowStart ?? now) + this.windowMs;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(this.limit - this.used, 0),
      resetSeconds: Math.max(Math.ceil((resetAt - now) / 1000), 0),
      resetEpochSeconds: Math.ceil(resetAt / 1000),
    };
  }
}

/** A reading for a 429 that did not come from the window (a storm fault): nothing left for `resetSeconds`. */
export function exhaustedReading(limit: number, resetSeconds: number, now: number): RateLimitReading {
  return {
    allowed: false,
    limit,
    remaining: 0,
    resetSeconds,
    resetEpochSeconds: Math.ceil(now / 1000) + resetSeconds,
  };
}
