/**
 * @module The store's error registry. Codes are stable; messages never carry secrets, keys or
 * connection strings (a Postgres URL is only ever shown with its password removed).
 */
import { createError } from '@switchboard/errors';

/** The database did not answer (Postgres down, SQLite file unopenable or unwritable). The cause is kept. */
export const StoreUnavailable = createError(
  'SB_ERR_STORE_UNAVAILABLE',
  (target: string) => `the database (${target}) is unavailable`,
);

/** `NODE_ENV=production` and no `SWITCHBOARD_ENCRYPTION_KEY`: the server refuses to start. */
export const EncryptionKeyMissing = createError(
  'SB_ERR_STORE_ENCRYPTION_KEY_MISSING',
  () => 'SWITCHBOARD_ENCRYPTION_KEY is required when NODE_ENV=production (32 bytes, base64)',
);

/** The key does not decode to exactly 32 bytes. `source` names where it came from, never its value. */
export const EncryptionKeyInvalid = createError(
  'SB_ERR_STORE_ENCRYPTION_KEY_INVALID',
  (source: string) => `${source} must be exactly 32 bytes encoded as base64`,
);

/** The key decodes to 32 bytes but is a placeholder (all zeros, a repeated pattern): refused like an invalid one. */
export const EncryptionKeyWeak = createError(
  'SB_ERR_STORE_ENCRYPTION_KEY_INVALID',
  (source: string) => `${source} is too weak: use 32 random bytes (openssl rand -base64 32)`,
);

/** Stored ciphertext cannot be opened: another key was used, or the data was altered. */
export const DecryptFailed = createError(
  'SB_ERR_STORE_DECRYPT_FAILED',
  (what: string) => `cannot decrypt ${what}: it was encrypted with another key or has been altered`,
);

/** A unique value (environment name, API key) already belongs to something else. */
export const Conflict = createError('SB_ERR_STORE_CONFLICT', (what: string) => `${what} already exists`);

/** A write referenced an environment that does not exist. */
export const EnvironmentNotFound = createError(
  'SB_ERR_STORE_ENVIRONMENT_NOT_FOUND',
  (id: string) => `environment ${id} does not exist`,
);

/** `DATABASE_URL` is neither `sqlite:PATH` nor `postgres://…`. Only the scheme is echoed. */
export const DatabaseUrlInvalid = createError(
  'SB_ERR_STORE_DATABASE_URL_INVALID',
  (reason: string) => `DATABASE_URL is invalid: ${reason}`,
);

/** A caller passed a value the store cannot work with (empty API key, non-positive limit or TTL). */
export const InvalidArgument = createError(
  'SB_ERR_STORE_INVALID_ARGUMENT',
  (reason: string) => `invalid argument: ${reason}`,
);

/** A migration failed for a reason other than the database being unreachable. */
export const MigrationFailed = createError(
  'SB_ERR_STORE_MIGRATION_FAILED',
  (name: string) => `database migration ${name} failed`,
);
