/**
 * @module Everything a test or benchmark may inspect: counters, the data, tokens and the budget. The object
 * is stable for the simulator's life; `reset()` refills it in place.
 */
import { TokenStore } from './auth/token-store.js';
import type { Directory } from './data/directory.js';
import { HourlyBudget } from './limits/hourly-budget.js';

export interface SimulatorCounters {
  /** Requests per route, keyed `METHOD /route/pattern` (unmatched paths under `METHOD <unmatched>`). */
  calls: Record<string, number>;
  totalCalls: number;
  /** Calls to any token endpoint, successful or not. */
  tokenRequests: number;
  /** Token sets actually created (a reused v2 token is not counted again). */
  tokensIssued: number;
  refreshes: number;
  /** Successful `POST /auth/oauth2/revoke` calls. */
  revocations: number;
  /** 429s answered, from the budget or a storm. */
  rateLimited: number;
  /** 5xx answered by an error burst. */
  injectedErrors: number;
  /** 401s answered to resource calls. */
  unauthorized: number;
}

function zeroCounters(): SimulatorCounters {
  return {
    calls: {},
    totalCalls: 0,
    tokenRequests: 0,
    tokensIssued: 0,
    refreshes: 0,
    revocations: 0,
    rateLimited: 0,
    injectedErrors: 0,
    unauthorized: 0,
  };
}

export class SimulatorState {
  readonly counters: SimulatorCounters = zeroCounters();
  readonly tokens: TokenStore;
  readonly budget: HourlyBudget;

  constructor(
    public data: Directory,
    tokenTtlSeconds: number,
    hourlyBudget: number,
  ) {
    this.tokens = new TokenStore(tokenTtlSeconds);
    this.budget = new HourlyBudget(hourlyBudget);
  }

  get accountId(): number {
    return this.data.accountId;
  }

  countCall(key: string): void {
    this.counters.calls[key] = (this.counters.calls[key] ?? 0) + 1;
    this.counters.totalCalls += 1;
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
