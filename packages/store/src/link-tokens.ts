import { insertAccount, newAccountIdentity } from './account-record.js';
import type { Cipher } from './cipher.js';
import { EnvironmentNotFound, InvalidArgument } from './errors.js';
import { isForeignKeyViolation } from './foreign-key.js';
import { prefixedId } from './prefixed-id.js';
import { hashSecret, newSecret } from './secret-hash.js';
import type { Db } from './tables.js';
import type { LinkToken, LinkTokenRepository } from './types.js';

const TOKEN_PREFIX = 'lt_';
const DEFAULT_TTL_SECONDS = 1800;
const LINK_TOKEN_COLUMNS = [
  'id',
  'environment_id',
  'integration',
  'tenant_id',
  'redirect_url',
  'expires_at',
  'created_at',
  'failed_attempts',
] as const;

export function linkTokenRepository(db: Db, cipher: Cipher): LinkTokenRepository {
  /**
   * The one statement that decides who wins: the row changes only while unspent and unexpired, so of
   * several concurrent callers exactly one sees it change.
   */
  function spendStatement(executor: Db, token: string, accountId: string) {
    const now = new Date().toISOString();
    return executor
      .updateTable('link_tokens')
      .set({ spent_at: now, account_id: accountId })
      .where('token_hash', '=', hashSecret(token))
      .where('spent_at', 'is', null)
      .where('expires_at', '>', now);
  }

  return {
    async create(environmentId, input) {
      const ttl = input.ttlSeconds ?? DEFAULT_TTL_SECONDS;
      if (!Number.isInteger(ttl) || ttl < 1)
        throw new InvalidArgument('ttlSeconds must be a positive integer');
      const now = new Date();
      const expiresAt = new Date(now.getTime() + ttl * 1000).toISOString();
      const token = newSecret(TOKEN_PREFIX);
      try {
        await db
          .insertInto('link_tokens')
          .values({
            id: prefixedId('lt', now),
            token_hash: hashSecret(token),
            environment_id: environmentId,
            integration: input.integration,
            tenant_id: input.tenantId,
            redirect_url: input.redirectUrl ?? null,
            expires_at: expiresAt,
            spent_at: null,
            account_id: null,
            created_at: now.toISOString(),
          })
          .execute();
      } catch (error) {
        if (isForeignKeyViolation(error)) throw new EnvironmentNotFound(environmentId, { cause: error });
        throw error;
      }
      return { token, expiresAt };
    },

    async peek(token): Promise<LinkToken | undefined> {
      return db
        .selectFrom('link_tokens')
        .select(LINK_TOKEN_COLUMNS)
        .where('token_hash', '=', hashSecret(token))
        .where('spent_at', 'is', null)
        .where('expires_at', '>', new Date().toISOString())
        .executeTakeFirst();
    },

    async recordFailedAttempt(token) {
      // One statement: concurrent failures each count (no read-modify-write race).
      await db
        .updateTable('link_tokens')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('token_hash', '=', hashSecret(token))
        .where('spent_at', 'is', null)
        .execute();
      return (await this.peek(token))?.failed_attempts;
    },

    async reserveAttempt(token, max) {
      // Taken before the credentials are checked, in one statement: submissions sent in parallel cannot all pass
      // a count read before any of them failed.
      const result = await db
        .updateTable('link_tokens')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('token_hash', '=', hashSecret(token))
        .where('spent_at', 'is', null)
        .where('failed_attempts', '<', max)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async releaseAttempt(token) {
      await db
        .updateTable('link_tokens')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '-', 1) }))
        .where('token_hash', '=', hashSecret(token))
        .where('failed_attempts', '>', 0)
        .execute();
    },

    async spend(token, accountId) {
      const result = await spendStatement(db, token, accountId).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async redeem(token, input) {
      return db.transaction().execute(async (trx) => {
        // Spend first: the losers of a race stop here, before any account exists. If the insert fails,
        // the rollback un-spends the token so the customer can try again.
        const identity = newAccountIdentity();
        const claimed = await spendStatement(trx, token, identity.id)
          .returning(['environment_id', 'integration', 'tenant_id'])
          .executeTakeFirst();
        if (claimed === undefined) return undefined;
        return insertAccount(
          trx,
          cipher,
          claimed.environment_id,
          {
            integration: claimed.integration,
            tenantId: claimed.tenant_id,
            connection: input.connection,
            secretFields: input.secretFields,
          },
          identity,
        );
      });
    },
  };
}
