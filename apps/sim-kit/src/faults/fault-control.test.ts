import { describe, expect, it } from 'vitest';
import { TokenStore, tokenRecord } from '../auth/token-store.js';
import { RateLimitWindow } from '../limits/rate-limit-window.js';
import { Faults } from './fault-control.js';

function setup() {
  const tokens = new TokenStore();
  const budget = new RateLimitWindow(600, 60_000);
  return { tokens, budget, faults: new Faults('minute_budget', tokens, budget) };
}

describe('Faults', () => {
  it('consumes storms and bursts one call at a time', () => {
    const { faults } = setup();
    faults.set({ rate_limit_storm: { count: 2, reset_seconds: 5 }, error_burst: { count: 1 } });
    expect([faults.takeStorm(), faults.takeStorm(), faults.takeStorm()]).toEqual([5, 5, undefined]);
    expect([faults.takeErrorBurst(), faults.takeErrorBurst()]).toEqual([500, undefined]);
  });

  it('names the budget after the simulator and restores it on clear', () => {
    const { faults, budget } = setup();
    expect(faults.set({ minute_budget: 3 })).toMatchObject({ minute_budget: 3 });
    expect(budget.limit).toBe(3);
    expect(faults.clear()).toMatchObject({ minute_budget: 600, rate_limit_storm: null });
  });

  it('refuses malformed settings with every issue listed', () => {
    const { faults } = setup();
    expect(() => faults.set({ hourly_budget: 1, error_burst: { count: 1, status: 404 } } as never)).toThrow(
      expect.objectContaining({
        code: 'SB_ERR_SIM_FAULTS_INVALID',
        details: {
          issues: ['unknown key "hourly_budget"', 'error_burst.status must be an integer from 500 to 599'],
        },
      }),
    );
  });

  it('revokes and expires tokens through the store', () => {
    const { faults, tokens } = setup();
    const record = tokens.add(tokenRecord('t', 0, Number.POSITIVE_INFINITY));
    faults.set({ expire_tokens_after_calls: 1 });
    expect(tokens.chargeCall(record, faults.expireTokensAfterCalls)).toBe(true);
    expect(tokens.chargeCall(record, faults.expireTokensAfterCalls)).toBe(false);
    expect(tokens.authenticate('t', 1)).toBeUndefined();
    const other = tokens.add(tokenRecord('u', 0, Number.POSITIVE_INFINITY));
    faults.set({ revoke_all_tokens: true });
    expect(other.revoked).toBe(true);
  });
});
