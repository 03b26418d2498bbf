/**
 * @module Whether the store answers, checked with a short-lived cached ping so that a request costs at most one
 * `select 1` per second, and so that an outage turns every call into a quick 503 instead of a slow failure.
 */
import type { Store } from '@switchboard/store';

export interface StoreHealthOptions {
  /** How long a ping result is trusted. */
  ttlMs?: number;
  /** A ping slower than this counts as an outage (a blackholed database would otherwise hang every request). */
  timeoutMs?: number;
}

/** Cached, single-flight availability checks of one store. */
export class StoreHealth {
  readonly #store: Store;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  #checkedAt = Number.NEGATIVE_INFINITY;
  #available = true;
  #inFlight: Promise<boolean> | undefined;

  constructor(store: Store, options: StoreHealthOptions = {}) {
    this.#store = store;
    this.#ttlMs = options.ttlMs ?? 1000;
    this.#timeoutMs = options.timeoutMs ?? 2000;
  }

  /** The cached answer when fresh, otherwise a new ping; `fresh` forces a ping (for `/health`). */
  available(options: { fresh?: boolean } = {}): Promise<boolean> {
    if (!options.fresh && performance.now() - this.#checkedAt < this.#ttlMs) {
      return Promise.resolve(this.#available);
    }
    this.#inFlight ??= this.#ping().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  async #ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('store ping timed out')), this.#timeoutMs);
    });
    try {
      await Promise.race([this.#store.ping(), timeout]);
      this.#available = true;
    } catch {
      this.#available = false;
    } finally {
      clearTimeout(timer);
    }
    this.#checkedAt = performance.now();
    return this.#available;
  }
}
