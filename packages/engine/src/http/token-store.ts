/**
 * @module Where obtained tokens are cached, per account. Injected: in memory by default, the store package
 * persists them encrypted, Redis shares them between replicas.
 */

export interface TokenSet {
  access_token: string;
  refresh_token?: string;
  /** Epoch milliseconds. */
  expires_at?: number;
  token_type?: string;
  scope?: string;
  extra?: Record<string, unknown>;
}

export interface TokenStore {
  get(key: string): Promise<TokenSet | undefined>;
  set(key: string, token: TokenSet): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * For stores that keep a process-local copy in front of a shared one: reads the shared copy (and updates the
   * local one). The engine uses it wherever a stale local copy would cost a needless token request — when it
   * re-checks under the refresh lock (after a 401 or at expiry) and before revoking. Without it, `get` is used.
   */
  getShared?(key: string): Promise<TokenSet | undefined>;
}

/**
 * Serialises token refreshes across processes (a Redis lock with a fencing timeout); in one process the
 * engine's own single-flight is enough and this is not needed.
 */
export interface RefreshLock {
  /** Runs `fn` while holding the lock for `key`; waits for another holder to finish first. */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}
