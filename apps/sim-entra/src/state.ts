/**
 * @module Everything a test or benchmark may inspect: counters, the tenant, tokens and the throttling window.
 * The object is stable for the simulator's life; `reset()` refills it in place.
 */
import {
  type CallCounters,
  RateLimitWindow,
  type TokenRecord,
  TokenStore,
  zeroCallCounters,
} from '@switchboard/sim-kit';
import { RuntimeIds } from './data/runtime-ids.js';
import type { Tenant } from './data/tenant.js';

export interface SimulatorCounters extends CallCounters {
  /** Calls to the token endpoint, successful or not. */
  tokenRequests: number;
  tokensIssued: number;
}

function zeroCounters(): SimulatorCounters {
  return { ...zeroCallCounters(), tokenRequests: 0, tokensIssued: 0 };
}

/** Graph's identity throttling counts per application and tenant over 10 seconds. */
export const THROTTLE_WINDOW_MS = 10_000;

export class SimulatorState {
  readonly counters: SimulatorCounters = zeroCounters();
  readonly tokens = new TokenStore<TokenRecord>();
  readonly budget: RateLimitWindow;
  /** Ids minted at run time (seeded stream; restarted by `reset`). */
  readonly ids: RuntimeIds;

  constructor(
    public tenant: Tenant,
    tenSecondBudget: number,
    seed: number,
  ) {
    this.budget = new RateLimitWindow(tenSecondBudget, THROTTLE_WINDOW_MS);
    this.ids = new RuntimeIds(seed);
  }

  /** Fresh data, zero counters, no tokens, a new window. */
  reset(tenant: Tenant): void {
    this.tenant = tenant;
    Object.assign(this.counters, zeroCounters());
    this.tokens.clear();
    this.budget.reset();
    this.ids.restart();
  }

  /** The JSON served by `GET /__sim/state`: counters and sizes, never tokens. */
  summary(now: number): Record<string, unknown> {
    const budget = this.budget.peek(now);
    const tenant = this.tenant;
    return {
      tenant_id: tenant.identity.tenantId,
      counters: this.counters,
      data: {
        users: tenant.users.size,
        groups: tenant.groups.size,
        role_definitions: tenant.roleDefinitions.size,
        role_assignments: tenant.roleAssignments.size,
        directory_audits: tenant.audits.length,
        sign_ins: tenant.signIns.length,
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
