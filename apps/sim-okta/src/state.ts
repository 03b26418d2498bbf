/**
 * @module Everything a test or benchmark may inspect: counters, the data, the API token and the rate-limit
 * windows. The object is stable for the simulator's life; `reset()` refills it in place.
 */
import { type CallCounters, TokenStore, tokenRecord, zeroCallCounters } from '@switchboard/sim-kit';
import type { Directory } from './data/directory.js';
import { FamilyWindows } from './rate-limits.js';

export type SimulatorCounters = CallCounters;

export class SimulatorState {
  readonly counters: SimulatorCounters = zeroCallCounters();
  readonly tokens = new TokenStore();
  readonly windows: FamilyWindows;

  constructor(
    public data: Directory,
    private readonly apiToken: string,
    rateLimitPerMinute: number,
    now: number,
  ) {
    this.windows = new FamilyWindows(rateLimitPerMinute);
    this.registerToken(now);
  }

  /** Fresh data, zero counters, the API token valid again, new rate-limit windows. */
  reset(data: Directory, now: number): void {
    this.data = data;
    Object.assign(this.counters, zeroCallCounters());
    this.tokens.clear();
    this.registerToken(now);
    this.windows.reset();
  }

  /** The JSON served by `GET /__sim/state`: counters and sizes, never the token. */
  summary(now: number): Record<string, unknown> {
    return {
      counters: this.counters,
      data: {
        users: this.data.users.size,
        groups: this.data.groups.size,
        role_assignments: [...this.data.roles.values()].reduce((sum, list) => sum + list.length, 0),
        logs: this.data.logs.length,
      },
      tokens: { active: this.tokens.activeCount(now) },
      rate_limit_per_minute: this.windows.limit,
    };
  }

  // An SSWS token never expires by itself (reference §1); only the faults revoke it.
  private registerToken(now: number): void {
    this.tokens.add(tokenRecord(this.apiToken, now, Number.POSITIVE_INFINITY));
  }
}
