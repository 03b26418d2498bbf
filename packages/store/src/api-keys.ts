import { Conflict, EnvironmentNotFound, InvalidArgument } from './errors.js';
import { isForeignKeyViolation } from './foreign-key.js';
import { prefixedId } from './prefixed-id.js';
import { hashSecret, newSecret, sameHash } from './secret-hash.js';
import type { Db } from './tables.js';
import type { ApiKeyRepository } from './types.js';

const KEY_PREFIX = 'sb_live_';

export function apiKeyRepository(db: Db): ApiKeyRepository {
  async function insert(environmentId: string, keyHash: string): Promise<string | undefined> {
    const now = new Date();
    const id = prefixedId('key', now);
    try {
      const inserted = await db
        .insertInto('api_keys')
        .values({ id, environment_id: environmentId, key_hash: keyHash, created_at: now.toISOString() })
        .onConflict((conflict) => conflict.column('key_hash').doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted?.id;
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new EnvironmentNotFound(environmentId, { cause: error });
      throw error;
    }
  }

  async function register(environmentId: string, apiKey: string): Promise<{ id: string }> {
    if (apiKey.trim() === '') throw new InvalidArgument('the API key to register is empty');
    const keyHash = hashSecret(apiKey);
    const id = await insert(environmentId, keyHash);
    if (id !== undefined) return { id };
    // Already there: fine if it is ours (a restart), a conflict if another environment owns it.
    const existing = await db
      .selectFrom('api_keys')
      .select(['id', 'environment_id'])
      .where('key_hash', '=', keyHash)
      .executeTakeFirst();
    if (existing === undefined) return register(environmentId, apiKey); // deleted in between: try again
    if (existing.environment_id === environmentId) return { id: existing.id };
    throw new Conflict('this API key (registered for another environment)');
  }

  return {
    register,

    async create(environmentId) {
      const apiKey = newSecret(KEY_PREFIX);
      const id = await insert(environmentId, hashSecret(apiKey));
      // 256 random bits do not collide; reaching this means something is badly wrong with the RNG.
      if (id === undefined) throw new Conflict('a generated API key');
      return { id, apiKey };
    },

    async authenticate(apiKey) {
      if (apiKey === '') return undefined;
      const keyHash = hashSecret(apiKey);
      const row = await db
        .selectFrom('api_keys')
        .select(['id', 'environment_id', 'key_hash'])
        .where('key_hash', '=', keyHash)
        .executeTakeFirst();
      if (row === undefined || !sameHash(row.key_hash, keyHash)) return undefined;
      return { id: row.id, environmentId: row.environment_id };
    },

    async delete(id) {
      const result = await db.deleteFrom('api_keys').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
