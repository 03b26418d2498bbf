import {
  describeSecrets,
  insertAccount,
  PUBLIC_COLUMNS,
  secretsContext,
  splitConnection,
  toAccount,
} from './account-record.js';
import { tokenKeysOf } from './account-tokens.js';
import type { Cipher } from './cipher.js';
import { InvalidArgument } from './errors.js';
import type { Db } from './tables.js';
import type { AccountRepository } from './types.js';

export function accountRepository(db: Db, cipher: Cipher): AccountRepository {
  return {
    create(environmentId, input) {
      return insertAccount(db, cipher, environmentId, input);
    },

    async get(environmentId, id) {
      const row = await db
        .selectFrom('integrated_accounts')
        .select(PUBLIC_COLUMNS)
        .where('environment_id', '=', environmentId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toAccount(row);
    },

    async getWithSecrets(environmentId, id) {
      const row = await db
        .selectFrom('integrated_accounts')
        .select([...PUBLIC_COLUMNS, 'secrets'])
        .where('environment_id', '=', environmentId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const plain = cipher.open(row.secrets, secretsContext(environmentId, id), describeSecrets(id));
      return { ...toAccount(row), secrets: JSON.parse(plain) as Record<string, string> };
    },

    async list(environmentId, page) {
      if (!Number.isInteger(page.limit) || page.limit < 1) {
        throw new InvalidArgument('limit must be a positive integer');
      }
      let query = db
        .selectFrom('integrated_accounts')
        .select(PUBLIC_COLUMNS)
        .where('environment_id', '=', environmentId);
      // Ids embed created_at (prefixed-id.ts), so "after this id" is exactly "after this (created_at, id)"
      // and still works when that account has been deleted between two pages.
      if (page.after !== undefined) query = query.where('id', '>', page.after);
      if (page.integration !== undefined) query = query.where('integration', '=', page.integration);
      if (page.tenantId !== undefined) query = query.where('tenant_id', '=', page.tenantId);
      const rows = await query.orderBy('created_at').orderBy('id').limit(page.limit).execute();
      return rows.map(toAccount);
    },

    async updateConnection(environmentId, id, connection, secretFields) {
      const { visible, secrets } = splitConnection(connection, secretFields);
      const row = await db
        .updateTable('integrated_accounts')
        .set({
          connection: JSON.stringify(visible),
          secrets: cipher.seal(JSON.stringify(secrets), secretsContext(environmentId, id)),
          // New credentials were verified by the caller, so an account waiting for them is usable again.
          status: 'active',
          updated_at: new Date().toISOString(),
        })
        .where('environment_id', '=', environmentId)
        .where('id', '=', id)
        .returning(PUBLIC_COLUMNS)
        .executeTakeFirst();
      return row === undefined ? undefined : toAccount(row);
    },

    async setStatus(environmentId, id, status) {
      await db
        .updateTable('integrated_accounts')
        .set({ status, updated_at: new Date().toISOString() })
        .where('environment_id', '=', environmentId)
        .where('id', '=', id)
        .execute();
    },

    async delete(environmentId, id) {
      // A single DELETE: concurrent callers are serialised by the row lock (Postgres) or the write lock
      // (SQLite), and only the one that removed the row sees a count of 1.
      const result = await db
        .deleteFrom('integrated_accounts')
        .where('environment_id', '=', environmentId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) return false;
      // The account's cached tokens go with it (the engine keys them `<integration>:<account id>`). Not in one
      // transaction with the delete (SQLite's lock upgrade would fail concurrent deletes): a token written in
      // between is refused anyway, because its account no longer exists (`token-cache.ts`).
      const rows = await db.selectFrom('token_cache').select('key').where('key', 'like', `%:${id}`).execute();
      const keys = tokenKeysOf(
        id,
        rows.map((row) => row.key),
      );
      if (keys.length > 0) await db.deleteFrom('token_cache').where('key', 'in', keys).execute();
      return true;
    },
  };
}
