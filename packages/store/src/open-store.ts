import type { Dialect, Kysely } from 'kysely';
import { accountRepository } from './accounts.js';
import { apiKeyRepository } from './api-keys.js';
import { guarded, toStoreError } from './availability.js';
import { cachedAccounts } from './cached-accounts.js';
import { cachedApiKeys } from './cached-api-keys.js';
import { cachedTokens } from './cached-tokens.js';
import { changeFeedRepository } from './change-feed/change-feed-repository.js';
import { createCipher } from './cipher.js';
import { type DatabaseTarget, parseDatabaseUrl } from './database-url.js';
import { environmentRepository } from './environments.js';
import { StoreUnavailable } from './errors.js';
import { kysely } from './kysely-runtime.js';
import { linkTokenRepository } from './link-tokens.js';
import { migrateToLatest } from './migrate.js';
import { rekey } from './rekey.js';
import type { Tables } from './tables.js';
import { type AccountTokenStore, tokenCache } from './token-cache.js';
import { type StoreCacheOptions, TtlCache } from './ttl-cache.js';
import type { AccountRepository, ApiKeyRepository, Store } from './types.js';

export interface OpenStoreOptions {
  /** `sqlite:PATH` (default `sqlite:./.switchboard/switchboard.db`), `sqlite::memory:` or `postgres://…`. */
  url?: string | undefined;
  /** 32 bytes; see resolveEncryptionKey. */
  encryptionKey: Buffer;
  /**
   * Remember authenticated API keys, accounts with their decrypted credentials, and tokens in this process for
   * `ttlMs`. Writes through this store take effect at once; other processes' writes within `ttlMs`.
   * Default: no caching.
   */
  cache?: StoreCacheOptions;
  /**
   * Keys that sealed data before `encryptionKey` (`SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS`): read with, never
   * written with. `rekey()` re-seals everything with the current key so they can be dropped.
   */
  previousEncryptionKeys?: readonly Buffer[];
}

/** Connects, migrates to the latest schema, and returns the store. Outages throw StoreUnavailable. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const target = parseDatabaseUrl(options.url);
  const cipher = createCipher(options.encryptionKey, options.previousEncryptionKeys);
  let db: Kysely<Tables>;
  try {
    db = new kysely.Kysely<Tables>({ dialect: await createDialect(target) });
  } catch (cause) {
    throw new StoreUnavailable(target.label, { cause });
  }
  const schema = target.dialect === 'postgres' ? target.schema : undefined;

  let closing: Promise<void> | undefined;
  const store: Store = {
    dialect: target.dialect,
    async migrate() {
      try {
        await migrateToLatest(db, schema);
      } catch (error) {
        throw toStoreError(error, target.label);
      }
    },
    async ping() {
      try {
        await kysely.sql`select 1`.execute(db);
      } catch (error) {
        // Whatever stops `select 1` means the store cannot serve requests.
        throw error instanceof StoreUnavailable
          ? error
          : new StoreUnavailable(target.label, { cause: error });
      }
    },
    async rekey() {
      try {
        return await rekey(db, cipher);
      } catch (error) {
        throw toStoreError(error, target.label);
      }
    },
    close() {
      closing ??= db.destroy();
      return closing;
    },
    environments: guarded(environmentRepository(db), target.label),
    ...withCache(options.cache, {
      apiKeys: guarded(apiKeyRepository(db), target.label),
      accounts: guarded(accountRepository(db, cipher), target.label),
      tokens: guarded(tokenCache(db, cipher), target.label),
    }),
    linkTokens: guarded(linkTokenRepository(db, cipher), target.label),
    changeFeed: guarded(changeFeedRepository(db, cipher), target.label),
  };

  try {
    await store.migrate();
  } catch (error) {
    // The migration error is the one worth reporting; a failure to tear down a half-open pool adds nothing.
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

interface CacheableRepositories {
  apiKeys: ApiKeyRepository;
  accounts: AccountRepository;
  tokens: AccountTokenStore;
}

/** The repositories the request path reads on every call, each behind its own in-process cache when enabled. */
function withCache(options: StoreCacheOptions | undefined, repositories: CacheableRepositories) {
  if (options === undefined || !(options.ttlMs > 0)) return repositories;
  return {
    apiKeys: cachedApiKeys(repositories.apiKeys, new TtlCache(options)),
    accounts: cachedAccounts(repositories.accounts, new TtlCache(options)),
    tokens: cachedTokens(repositories.tokens, new TtlCache(options)),
  };
}

/** Only the driver in use is loaded: a SQLite deployment never loads pg, a Postgres one never better-sqlite3. */
async function createDialect(target: DatabaseTarget): Promise<Dialect> {
  if (target.dialect === 'sqlite')
    return (await import('./dialects/sqlite.js')).createSqliteDialect(target.path);
  return (await import('./dialects/postgres.js')).createPostgresDialect(target);
}
