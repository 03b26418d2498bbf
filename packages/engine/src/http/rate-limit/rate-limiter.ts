/**
 * @module Proactive limiting for every account of every integration in this process: the shared `RateBudget`,
 * one concurrency semaphore per account, and the latest rate-limit state each upstream reported.
 */
import type { HttpMethod } from '@switchboard/schema';
import type { RateBudget } from '../rate-budget.js';
import type { RateLimitInfo } from '../upstream.js';
import { readRateLimitHeaders, toRateLimitInfo } from './rate-limit-headers.js';
import { chargesFor, policiesFor, type RateLimitPlan } from './rate-limit-plan.js';
import { Semaphore } from './semaphore.js';

/** The key an account's budget, concurrency and latest state live under (one per integration and account). */
export function accountKeyOf(integration: string, accountId: string): string {
  return `${integration}:${accountId}`;
}

export class RateLimiter {
  readonly #semaphores = new Map<string, Semaphore>();
  readonly #latest = new Map<string, RateLimitInfo>();

  constructor(
    readonly budget: RateBudget,
    readonly clock: () => number,
  ) {}

  /** A slot under the account's concurrency cap; a no-op release when the integration declares none. */
  async acquireSlot(accountKey: string, plan: RateLimitPlan, signal?: AbortSignal): Promise<() => void> {
    if (!plan.concurrency) return () => {};
    let semaphore = this.#semaphores.get(accountKey);
    if (!semaphore) {
      semaphore = new Semaphore(plan.concurrency);
      this.#semaphores.set(accountKey, semaphore);
    }
    const release = await semaphore.acquire(signal);
    const held = semaphore;
    return () => {
      release();
      // Idle semaphores are dropped so that many accounts do not pile up in memory.
      if (held.idle && this.#semaphores.get(accountKey) === held) this.#semaphores.delete(accountKey);
    };
  }

  /**
   * Takes the call's cost from every policy counting this request. Returns 0 when it may go now, else the
   * milliseconds to wait before asking again.
   */
  async take(accountKey: string, plan: RateLimitPlan, method: HttpMethod, pathname: string): Promise<number> {
    for (const { policy, cost } of chargesFor(plan, method, pathname)) {
      const wait = await this.budget.take(`${accountKey}:${policy.id}`, policy, cost);
      if (wait > 0) return wait;
    }
    return 0;
  }

  /** Feeds the upstream's rate-limit headers back into the budget and remembers them for `rateLimit()`. */
  async observe(
    accountKey: string,
    plan: RateLimitPlan,
    method: HttpMethod,
    pathname: string,
    headers: Readonly<Record<string, string>>,
  ): Promise<void> {
    if (!plan.headers) return;
    const observed = readRateLimitHeaders(headers, plan.headers, this.clock());
    if (!observed) return;
    this.#latest.set(accountKey, toRateLimitInfo(observed));
    for (const policy of policiesFor(plan, method, pathname))
      await this.budget.observe(`${accountKey}:${policy.id}`, policy, observed.remaining, observed.resetMs);
  }

  latest(accountKey: string): RateLimitInfo | undefined {
    return this.#latest.get(accountKey);
  }
}
