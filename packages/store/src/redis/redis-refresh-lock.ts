/**
 * @module A Redis lock that serialises token refreshes across replicas, so N replicas seeing an expired token
 * refresh it once. The lock has a fencing timeout: a holder that dies releases it by expiry, and a holder only
 * ever deletes its own lock (compare-and-delete on a random value).
 */
import { randomUUID } from 'node:crypto';
import type { RefreshLock } from '@switchboard/engine';
import type { Redis } from 'ioredis';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export interface RedisRefreshLockOptions {
  /** How long a holder may keep the lock before it is considered dead (ms). */
  ttlMs?: number;
  /** How long a waiter polls before giving up and refreshing on its own (ms). */
  waitMs?: number;
  prefix?: string;
}

export class RedisRefreshLock implements RefreshLock {
  readonly #ttl: number;
  readonly #wait: number;
  readonly #prefix: string;

  constructor(
    private readonly redis: Redis,
    options: RedisRefreshLockOptions = {},
  ) {
    this.#ttl = options.ttlMs ?? 15_000;
    this.#wait = options.waitMs ?? 20_000;
    this.#prefix = options.prefix ?? 'switchboard:refresh-lock:';
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const name = this.#prefix + key;
    const owner = randomUUID();
    const deadline = Date.now() + this.#wait;
    let delay = 20;
    while ((await this.redis.set(name, owner, 'PX', this.#ttl, 'NX')) !== 'OK') {
      // The caller re-reads the shared token cache once it holds the lock, so waiting here is what makes the
      // other replicas reuse the token the first one fetched.
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 250);
    }
    try {
      return await fn();
    } finally {
      await this.redis.eval(RELEASE, 1, name, owner).catch(() => undefined);
    }
  }
}
