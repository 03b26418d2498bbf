/**
 * @module The engine's token cache with an in-process layer in front of the shared (database) one: a valid
 * token is not read and decrypted on every upstream call. Writes go through to the database first.
 *
 * Another replica may refresh or revoke the token meanwhile. The local copy then either expires (TTL) or
 * earns a 401; the engine answers a 401 by calling `getShared`, which reads the database past the local copy
 * (under the refresh lock), so N replicas holding a stale token still ask the upstream for one new token.
 */
import type { AccountTokenStore } from './token-cache.js';
import { deepFreeze, type TtlCache } from './ttl-cache.js';
import type { TokenSet, TokenStore } from './types.js';

export function cachedTokens(shared: AccountTokenStore, cache: TtlCache<TokenSet>): Required<TokenStore> {
  const read = (key: string) => shared.get(key).then((token) => token && deepFreeze(token));
  return {
    get: (key) => cache.read(key, () => read(key)),
    getShared: (key) => cache.load(key, () => read(key)),
    async set(key, token) {
      let stored: boolean;
      try {
        stored = await shared.keep(key, token);
      } catch (error) {
        // A failed write may still have landed: the next read must ask the database.
        cache.delete(key);
        throw error;
      }
      // `false`: the database kept nothing (the account is gone), so neither does this layer.
      if (!stored) cache.delete(key);
      else cache.put(key, deepFreeze(structuredClone(token)));
    },
    async delete(key) {
      try {
        await shared.delete(key);
      } finally {
        cache.delete(key);
      }
    },
  };
}
