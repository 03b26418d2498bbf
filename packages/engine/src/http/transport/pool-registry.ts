/**
 * @module One keep-alive connection pool per upstream origin, shared by every account and session.
 */
import { Pool } from 'undici';

export class PoolRegistry {
  readonly #pools = new Map<string, Pool>();

  /** The pool for `origin`; pools are also keyed by connect timeout, the one timeout undici sets per pool. */
  get(origin: string, connectTimeoutMs: number): Pool {
    const key = `${origin}|${connectTimeoutMs}`;
    let pool = this.#pools.get(key);
    if (!pool) {
      pool = new Pool(origin, { connect: { timeout: connectTimeoutMs }, keepAliveTimeout: 10_000 });
      this.#pools.set(key, pool);
    }
    return pool;
  }

  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}
