/**
 * @module A refresh lock that degrades to "no cross-replica lock" when Redis is down: the engine's in-process
 * single-flight still holds, so at worst each replica refreshes once.
 */
import type { RefreshLock } from '@switchboard/engine';
import type { ResilienceLogger } from './resilient-rate-budget.js';

export class ResilientRefreshLock implements RefreshLock {
  constructor(
    private readonly shared: RefreshLock,
    private readonly logger: ResilienceLogger,
  ) {}

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let ran = false;
    try {
      return await this.shared.withLock(key, () => {
        ran = true;
        return fn();
      });
    } catch (error) {
      if (ran) throw error;
      this.logger.warn(
        { err: { message: (error as Error).message } },
        'Redis is unavailable: refreshing without a shared lock',
      );
      return fn();
    }
  }
}
