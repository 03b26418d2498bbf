/**
 * @module The engine's token cache, persisted so tokens survive restarts and are shared by replicas.
 * Tokens are bearer secrets: the whole TokenSet is sealed, bound to its cache key.
 */
import { accountOfTokenKey } from './account-tokens.js';
import type { Cipher } from './cipher.js';
import type { Db } from './tables.js';
import type { TokenSet, TokenStore } from './types.js';

function context(key: string): string {
  return `token_cache:${key}`;
}

/** The token cache, whose `keep` also says whether the token was kept (see `set`). */
export interface AccountTokenStore extends TokenStore {
  /** `set`, answering false when the key names an account that no longer exists: nothing is stored then. */
  keep(key: string, token: TokenSet): Promise<boolean>;
}

export function tokenCache(db: Db, cipher: Cipher): AccountTokenStore {
  const store: AccountTokenStore = {
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
      await store.keep(key, token);
    },

    async keep(key, token) {
      const sealed = cipher.seal(JSON.stringify(token), context(key));
      const updatedAt = new Date().toISOString();
      const accountId = accountOfTokenKey(key);
      if (accountId === undefined) {
        await db
          .insertInto('token_cache')
          .values({ key, token: sealed, updated_at: updatedAt })
          .onConflict((conflict) =>
            conflict.column('key').doUpdateSet({ token: sealed, updated_at: updatedAt }),
          )
          .execute();
        return true;
      }
      // One statement: a call that was refreshing while its account was deleted stores nothing afterwards.
      const result = await db
        .insertInto('token_cache')
        .columns(['key', 'token', 'updated_at'])
        .expression((eb) =>
          eb
            .selectFrom('integrated_accounts')
            .select([eb.val(key).as('key'), eb.val(sealed).as('token'), eb.val(updatedAt).as('updated_at')])
            .where('id', '=', accountId),
        )
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({ token: sealed, updated_at: updatedAt }),
        )
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async delete(key) {
      await db.deleteFrom('token_cache').where('key', '=', key).execute();
    },
  };
  return store;
}
