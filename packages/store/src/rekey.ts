/**
 * @module Re-sealing every stored secret with the current key, after a key change (`switchboard rekey`). Run with
 * the new key as `SWITCHBOARD_ENCRYPTION_KEY` and the old one in `SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS`; once it
 * reports nothing unreadable, the previous key can be removed. Each row is replaced only if it still holds the
 * value that was read (compare-and-set), so a write landing meanwhile is never overwritten. Safe to run again.
 */

import { isSwitchboardError } from '@switchboard/errors';
import { secretsContext } from './account-record.js';
import { secretContext as webhookSecretContext } from './change-feed/change-feed-repository.js';
import type { Cipher } from './cipher.js';
import type { Db } from './tables.js';

export interface RekeyReport {
  /** Accounts whose credentials were re-sealed. */
  accounts: number;
  /** Cached tokens re-sealed (those no key opens are dropped: they are only a cache). */
  tokens: number;
  /** Accounts (and webhooks) whose secrets no configured key opens: they keep failing until linked again. */
  unreadable: string[];
}

function unreadable(error: unknown): boolean {
  return isSwitchboardError(error, 'SB_ERR_STORE_DECRYPT_FAILED');
}

export async function rekey(db: Db, cipher: Cipher): Promise<RekeyReport> {
  const report: RekeyReport = { accounts: 0, tokens: 0, unreadable: [] };

  const accounts = await db
    .selectFrom('integrated_accounts')
    .select(['id', 'environment_id', 'secrets'])
    .execute();
  for (const row of accounts) {
    if (cipher.isCurrent(row.secrets)) continue;
    const context = secretsContext(row.environment_id, row.id);
    try {
      const plain = cipher.open(row.secrets, context, `the credentials of integrated account ${row.id}`);
      const result = await db
        .updateTable('integrated_accounts')
        .set({ secrets: cipher.seal(plain, context) })
        .where('id', '=', row.id)
        .where('secrets', '=', row.secrets)
        .executeTakeFirst();
      if (result.numUpdatedRows > 0n) report.accounts++;
    } catch (error) {
      if (!unreadable(error)) throw error;
      report.unreadable.push(row.id);
    }
  }

  const tokens = await db.selectFrom('token_cache').select(['key', 'token']).execute();
  for (const row of tokens) {
    if (cipher.isCurrent(row.token)) continue;
    const context = `token_cache:${row.key}`;
    try {
      const plain = cipher.open(row.token, context, 'a cached token');
      const result = await db
        .updateTable('token_cache')
        .set({ token: cipher.seal(plain, context) })
        .where('key', '=', row.key)
        .where('token', '=', row.token)
        .executeTakeFirst();
      if (result.numUpdatedRows > 0n) report.tokens++;
    } catch (error) {
      if (!unreadable(error)) throw error;
      await db.deleteFrom('token_cache').where('key', '=', row.key).where('token', '=', row.token).execute();
    }
  }

  const webhooks = await db.selectFrom('webhooks').select(['id', 'environment_id', 'secret']).execute();
  for (const row of webhooks) {
    if (cipher.isCurrent(row.secret)) continue;
    const context = webhookSecretContext(row.environment_id, row.id);
    try {
      const plain = cipher.open(row.secret, context, `webhook ${row.id}`);
      await db
        .updateTable('webhooks')
        .set({ secret: cipher.seal(plain, context) })
        .where('id', '=', row.id)
        .where('secret', '=', row.secret)
        .execute();
    } catch (error) {
      if (!unreadable(error)) throw error;
      report.unreadable.push(row.id);
    }
  }
  return report;
}
