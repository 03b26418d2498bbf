import { isUnavailable } from './availability.js';
import { MigrationFailed } from './errors.js';
import { kysely } from './kysely-runtime.js';
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE, migrationProvider } from './migrations/index.js';
import type { Db } from './tables.js';

/**
 * Brings the schema to the latest version. kysely's Migrator records applied migrations and holds a lock
 * while it works (an advisory lock on Postgres), so replicas starting together apply each one once.
 * `schema` (Postgres only) is created when missing and holds the bookkeeping tables too.
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<void> {
  const migrator = new kysely.Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  if (isUnavailable(error)) throw error;
  const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? '(setup)';
  throw new MigrationFailed(failed, { cause: error, details: { migration: failed } });
}
