/**
 * @module A bounded in-process map whose entries expire after `ttlMs`: what a store handle remembers between
 * calls so that a hot request path does not query (and decrypt) the same rows every time. Writes made through
 * this handle replace or drop entries at once; writes made elsewhere (another replica) are seen once an entry
 * expires. A read that was already under way when a write landed never puts its older answer back.
 */

export interface StoreCacheOptions {
  /** How long an entry is trusted, in milliseconds. 0 (or less) turns caching off. */
  ttlMs: number;
  /** Entries kept per cache at most; the oldest go first. Default 10,000. */
  maxEntries?: number;
  /** Monotonic milliseconds; tests pass a fake. Default `performance.now`. */
  now?: () => number;
}

const DEFAULT_MAX_ENTRIES = 10_000;

interface Entry<V> {
  value: V;
  expiresAt: number;
}

export class TtlCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  /** Bumped by every write, so that a read started before it does not cache what it found. */
  #generation = 0;

  constructor(options: StoreCacheOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
    this.#now = options.now ?? (() => performance.now());
  }

  /** The live entry for `key`, if any. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.#now()) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  /**
   * The live entry, or what `load` finds (cached when defined and no write happened meanwhile).
   * `undefined` is never cached: something created elsewhere must be found on the next call.
   */
  async read(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    return this.load(key, load);
  }

  /** Always runs `load`, then caches its answer as `read` does (or drops the entry when it finds nothing). */
  async load(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const generation = this.#generation;
    const value = await load();
    if (generation !== this.#generation) return value;
    if (value === undefined) this.#entries.delete(key);
    else this.#store(key, value);
    return value;
  }

  /** Caches `value` written through this handle. */
  put(key: string, value: V): void {
    this.#generation++;
    this.#store(key, value);
  }

  delete(key: string): void {
    this.#generation++;
    this.#entries.delete(key);
  }

  /** Drops every entry whose value matches (a deleted API key is cached under its hash, not its id). */
  deleteWhere(matches: (value: V) => boolean): void {
    this.#generation++;
    for (const [key, entry] of this.#entries) {
      if (matches(entry.value)) this.#entries.delete(key);
    }
  }

  #store(key: string, value: V): void {
    // Re-inserting moves the key to the end, so the first key is always the oldest write.
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#now() + this.#ttlMs });
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}

/** Freezes an object and the plain objects inside it, so a cached value shared by callers cannot be altered. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
