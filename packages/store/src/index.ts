/**
 * @module @switchboard/store — environments, API keys, integrated accounts with encrypted credentials,
 * link tokens and the engine's token cache, on SQLite (embedded default) or Postgres behind one interface.
 */
export {
  EVENT_TYPES,
  type EventType,
  isEventPattern,
  matchesEventPatterns,
} from './change-feed/event-patterns.js';
export type * from './change-feed/types.js';
export {
  type ResolveEncryptionKeyOptions,
  resolveEncryptionKey,
  resolvePreviousEncryptionKeys,
} from './encryption-key.js';
/** Every code the store raises, one registry (the API's status table is typed over it). */
export * as storeErrors from './errors.js';
export {
  Conflict,
  DatabaseUrlInvalid,
  DecryptFailed,
  EncryptionKeyInvalid,
  EncryptionKeyMissing,
  EncryptionKeyWeak,
  EnvironmentNotFound,
  InvalidArgument,
  MigrationFailed,
  StoreUnavailable,
} from './errors.js';
export { type OpenStoreOptions, openStore } from './open-store.js';
export { connectRedis, redisReady } from './redis/connect-redis.js';
export { type Coordination, createRedisCoordination } from './redis/coordination.js';
export { RedisRateBudget } from './redis/redis-rate-budget.js';
export { RedisRefreshLock } from './redis/redis-refresh-lock.js';
export { ResilientRateBudget } from './redis/resilient-rate-budget.js';
export { ResilientRefreshLock } from './redis/resilient-refresh-lock.js';
export type { RekeyReport } from './rekey.js';
export type { StoreCacheOptions } from './ttl-cache.js';
export type {
  AccountPage,
  AccountRepository,
  AccountStatus,
  ApiKeyRepository,
  Environment,
  EnvironmentRepository,
  IntegratedAccount,
  IntegratedAccountWithSecrets,
  LinkToken,
  LinkTokenRepository,
  NewIntegratedAccount,
  NewLinkToken,
  Store,
  TokenSet,
  TokenStore,
} from './types.js';
