/**
 * @module The ordered list of migrations, provided in code (no directory scanning) so the package runs
 * unchanged from source, a bundle or a container. Names sort in application order and are never renamed.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial.js';
import { changeFeed } from './0003-change-feed.js';
import { linkTokenAttempts } from './0004-link-token-attempts.js';

const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0003_change_feed': changeFeed,
  '0004_link_token_attempts': linkTokenAttempts,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** Our own bookkeeping table names, so another kysely user in the same schema never collides with us. */
export const MIGRATION_TABLE = 'switchboard_migration';
export const MIGRATION_LOCK_TABLE = 'switchboard_migration_lock';
