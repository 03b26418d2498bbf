/**
 * @module The engine's token cache, persisted so tokens survive restarts and are shared by replicas.
 * Tokens are bearer secrets: the whole TokenSet is sealed, bound to its cache key.
 */
import type { Cipher } from './cipher.js';
import type { Db } from './tables.js';
import type { TokenSet, TokenStore } from './types.js';

function context(key: string): string {
  return `token_cache:${key}`;
}

export function tokenCache(db: Db, cipher: Cipher): TokenStore {
  return {
    async get(key) {
      const row = await db
        .selectFrom('token_cache')
        .select('token')
        .where('key', '=', key)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      return JSON.parse(cipher.open(row.token, context(key), 'a cached token')) as TokenSet;
    },

    async set(key, token) {
      const sealed = cipher.seal(JSON.stringify(token), context(key));
      const updatedAt = new Date().toISOString();
      await db
        .insertInto('token_cache')
        .values({ key, token: sealed, updated_at: updatedAt })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({ token: sealed, updated_at: updatedAt }),
        )
        .execute();
    },

    async delete(key) {
      await db.deleteFrom('token_cache').where('key', '=', key).execute();
    },
  };
}
