/**
 * @module API keys as the request path sees them: `authenticate` answers from memory for a key that succeeded
 * recently, so a request costs no query. Deleting a key through this handle stops it at once; a key deleted by
 * another replica stops working there within the cache TTL. Unknown keys are never remembered.
 */
import { hashSecret } from './secret-hash.js';
import type { TtlCache } from './ttl-cache.js';
import type { ApiKeyRepository } from './types.js';

type Caller = { id: string; environmentId: string };

export function cachedApiKeys(keys: ApiKeyRepository, cache: TtlCache<Caller>): ApiKeyRepository {
  return {
    ...keys,

    authenticate(apiKey) {
      if (apiKey === '') return keys.authenticate(apiKey);
      // Keyed by the hash, as in the database: the cache never holds a usable key.
      return cache.read(hashSecret(apiKey), async () => {
        const caller = await keys.authenticate(apiKey);
        return caller && Object.freeze(caller);
      });
    },

    async delete(id) {
      const deleted = await keys.delete(id);
      cache.deleteWhere((caller) => caller.id === id);
      return deleted;
    },
  };
}
