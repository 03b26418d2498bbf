/**
 * @module Everything a test or benchmark may inspect: counters, the data, tokens and the budget. The object
 * is stable for the simulator's life; `reset()` refills it in place.
 */
import { type CallCounters, RateLimitWindow, zeroCallCounters } from '@switchboard/sim-kit';
import { TokenStore } from './auth/token-store.js';
import type { Directory } from './data/directory.js';

/** One fixed window per account: "5,000 calls per hour regardless of how many access tokens you have". */
const BUDGET_WINDOW_MS = 3_600_000;

/** The shared guard's counters plus the token endpoints'. */
export interface SimulatorCounters extends CallCounters {
  /** Calls to any token endpoint, successful or not. */
  tokenRequests: number;
  /** Token sets actually created (a reused v2 token is not counted again). */
  tokensIssued: number;
  refreshes: number;
  /** Successful `POST /auth/oauth2/revoke` calls. */
  revocations: number;
}

function zeroCounters(): SimulatorCounters {
  return {
    ...zeroCallCounters(),
    tokenRequests: 0,
    tokensIssued: 0,
    refreshes: 0,
    revocations: 0,
  };
}

export class SimulatorState {
  readonly counters: SimulatorCounters = zeroCounters();
  readonly tokens: TokenStore;
  readonly budget: RateLimitWindow;

  constructor(
    public data: Directory,
    tokenTtlSeconds: number,
    hourlyBudget: number,
  ) {
    this.tokens = new TokenStore(tokenTtlSeconds);
    this.budget = new RateLimitWindow(hourlyBudget, BUDGET_WINDOW_MS);
  }

  get accountId(): number {
    return this.data.accountId;
  }

  /** Fresh data, zero counters, no tokens, a new budget window. */
  reset(data: Directory): void {
    this.data = data;
    Object.assign(this.counters, zeroCounters());
    this.tokens.clear();
    this.budget.reset();
  }

  /** The JSON served by `GET /__sim/state`: counters and sizes, never tokens. */
  summary(now: number): Record<string, unknown> {
    const budget = this.budget.peek(now);
    return {
      account_id: this.accountId,
      counters: this.counters,
      data: {
        users: this.data.users.size,
        roles: this.data.roles.size,
        groups: this.data.groups.size,
        events: this.data.events.size,
        event_types: this.data.eventTypes.length,
      },
      tokens: { active: this.tokens.activeCount(now) },
      budget: {
        limit: budget.limit,
        remaining: budget.limit === 0 ? null : budget.remaining,
        reset_seconds: budget.resetSeconds,
      },
    };
  }
}
