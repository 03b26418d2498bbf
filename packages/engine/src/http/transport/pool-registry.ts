/**
 * @module One keep-alive connection pool per upstream origin, shared by every account and session, and bounded:
 * the origin comes from connection values a caller chooses (every `subdomain` typed into the connect form is a new
 * origin), so a pool idle for `idleMs` is closed and at most `maxPools` are kept, the least recently used closed
 * first. Closing is graceful (requests already running on the pool finish); the next request for that origin
 * simply opens a new pool.
 */
import { Pool } from 'undici';

export interface PoolRegistryOptions {
  /** Injectable for tests. */
  clock?: () => number;
  /** Close a pool no request asked for in this long (default 60 s). */
  idleMs?: number;
  /** Keep at most this many pools (default 256). */
  maxPools?: number;
}

interface Entry {
  pool: Pool;
  usedAt: number;
}

export class PoolRegistry {
  /** In least-recently-used order: `get` moves an entry to the end. */
  readonly #pools = new Map<string, Entry>();
  readonly #clock: () => number;
  readonly #idleMs: number;
  readonly #maxPools: number;

  constructor(options: PoolRegistryOptions = {}) {
    this.#clock = options.clock ?? Date.now;
    this.#idleMs = options.idleMs ?? 60_000;
    this.#maxPools = options.maxPools ?? 256;
  }

  /** How many pools are open. */
  get size(): number {
    return this.#pools.size;
  }

  /** The pool for `origin`; pools are also keyed by connect timeout, the one timeout undici sets per pool. */
  get(origin: string, connectTimeoutMs: number): Pool {
    const now = this.#clock();
    const key = `${origin}|${connectTimeoutMs}`;
    let entry = this.#pools.get(key);
    if (entry) this.#pools.delete(key);
    else
      entry = {
        pool: new Pool(origin, { connect: { timeout: connectTimeoutMs }, keepAliveTimeout: 10_000 }),
        usedAt: now,
      };
    entry.usedAt = now;
    this.#evict(now);
    this.#pools.set(key, entry);
    return entry.pool;
  }

  /** Closes the idle pools and, beyond the cap, the least recently used ones (the new entry is not yet in). */
  #evict(now: number): void {
    for (const [key, entry] of this.#pools) {
      const idle = now - entry.usedAt > this.#idleMs;
      if (!idle && this.#pools.size < this.#maxPools) break;
      this.#pools.delete(key);
      entry.pool.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const pools = [...this.#pools.values()].map((entry) => entry.pool);
    this.#pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}
