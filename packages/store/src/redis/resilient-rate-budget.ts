/**
 * @module Keeps requests flowing when Redis is down: the shared budget is used while it answers; otherwise a
 * local one takes over with a logged warning, and Redis is tried again after a short pause.
 */
import type { BudgetPolicy, RateBudget } from '@switchboard/engine';

export interface ResilienceLogger {
  warn(object: Record<string, unknown>, message: string): void;
}

const RETRY_AFTER_MS = 5_000;

export class ResilientRateBudget implements RateBudget {
  #downUntil = 0;

  constructor(
    private readonly shared: RateBudget,
    private readonly local: RateBudget,
    private readonly logger: ResilienceLogger,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string, policy: BudgetPolicy, cost?: number): Promise<number> {
    return this.#use((budget) => budget.take(key, policy, cost));
  }

  observe(key: string, policy: BudgetPolicy, remaining: number, resetMs: number): Promise<void> {
    return this.#use((budget) => budget.observe(key, policy, remaining, resetMs));
  }

  async #use<T>(call: (budget: RateBudget) => Promise<T>): Promise<T> {
    if (this.now() >= this.#downUntil) {
      try {
        return await call(this.shared);
      } catch (error) {
        this.#downUntil = this.now() + RETRY_AFTER_MS;
        this.logger.warn(
          { err: { message: (error as Error).message } },
          'Redis is unavailable: using a local rate budget until it answers again',
        );
      }
    }
    return call(this.local);
  }
}
