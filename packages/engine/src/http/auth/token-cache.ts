/**
 * @module Obtained tokens, cached per account in the injected `TokenStore`, refreshed before they expire, and
 * fetched single-flight: however many requests find the token expired (or get a 401) at once, one token
 * request is made and all of them wait for it. Across processes the optional `RefreshLock` does the same.
 * Before asking the upstream, the shared store is read again past any local copy the store keeps
 * (`TokenStore.getShared`): another replica may already hold the new token.
 */
import type { RefreshLock, TokenSet, TokenStore } from '../token-store.js';

export interface ObtainOptions {
  /** Refresh this long before `expires_at`. */
  skewMs: number;
  /** Ask the upstream even if the cached token looks valid (verify). */
  force?: boolean;
  /** The access token the upstream just refused with a 401: a cached token equal to it is not reused. */
  rejected?: string;
  /** False for a cached token that no longer belongs to the account's current credentials. */
  accepts?: (token: TokenSet) => boolean;
}

export class TokenCache {
  readonly #inflight = new Map<string, Promise<TokenSet>>();

  constructor(
    readonly store: TokenStore,
    readonly lock: RefreshLock | undefined,
    readonly clock: () => number,
  ) {}

  usable(token: TokenSet | undefined, options: ObtainOptions): token is TokenSet {
    if (!token || options.force) return false;
    if (options.rejected !== undefined && token.access_token === options.rejected) return false;
    if (options.accepts && !options.accepts(token)) return false;
    return token.expires_at === undefined || token.expires_at - options.skewMs > this.clock();
  }

  /** The token replicas share, read past any process-local copy (for revocation). */
  readShared(key: string): Promise<TokenSet | undefined> {
    return this.store.getShared ? this.store.getShared(key) : this.store.get(key);
  }

  /** The cached token when usable, else a new one from `fetch` (given the cached token, e.g. for its refresh token). */
  async get(
    key: string,
    options: ObtainOptions,
    fetch: (cached: TokenSet | undefined) => Promise<TokenSet>,
  ): Promise<TokenSet> {
    const cached = await this.store.get(key);
    if (this.usable(cached, options)) return cached;
    return this.#singleFlight(key, options, fetch);
  }

  #singleFlight(
    key: string,
    options: ObtainOptions,
    fetch: (cached: TokenSet | undefined) => Promise<TokenSet>,
  ): Promise<TokenSet> {
    const running = this.#inflight.get(key);
    if (running) return running;
    const run = async () => {
      // Re-read the shared copy: another request (or, under the lock, another process) may have refreshed
      // meanwhile, and a local copy may be the very token the upstream just refused.
      const cached = await this.readShared(key);
      if (this.usable(cached, options)) return cached;
      const next = await fetch(cached);
      await this.store.set(key, next);
      return next;
    };
    const promise = (this.lock ? this.lock.withLock(key, run) : run()).finally(() => {
      this.#inflight.delete(key);
    });
    this.#inflight.set(key, promise);
    return promise;
  }
}
