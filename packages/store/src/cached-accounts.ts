/**
 * @module Integrated accounts with their decrypted credentials, remembered briefly per account so that each
 * proxied or unified call does not query and decrypt them again. Every write through this handle
 * (`updateConnection`, `setStatus`, `delete`) drops the entry at once; writes by another replica are seen within
 * the cache TTL. Cached accounts are frozen: callers share them.
 */
import { deepFreeze, type TtlCache } from './ttl-cache.js';
import type { AccountRepository, IntegratedAccountWithSecrets } from './types.js';

export function cachedAccounts(
  accounts: AccountRepository,
  cache: TtlCache<IntegratedAccountWithSecrets>,
): AccountRepository {
  // Account ids are unique on their own; the environment is part of the key so that scoping stays exact.
  const key = (environmentId: string, id: string) => `${environmentId}\u0000${id}`;
  return {
    ...accounts,

    getWithSecrets(environmentId, id) {
      return cache.read(key(environmentId, id), async () =>
        deepFreeze(await accounts.getWithSecrets(environmentId, id)),
      );
    },

    async updateConnection(environmentId, id, connection, secretFields) {
      try {
        return await accounts.updateConnection(environmentId, id, connection, secretFields);
      } finally {
        cache.delete(key(environmentId, id));
      }
    },

    async setStatus(environmentId, id, status) {
      try {
        await accounts.setStatus(environmentId, id, status);
      } finally {
        cache.delete(key(environmentId, id));
      }
    },

    async delete(environmentId, id) {
      try {
        return await accounts.delete(environmentId, id);
      } finally {
        cache.delete(key(environmentId, id));
      }
    },
  };
}
