import type { Kysely, Migration } from 'kysely';
import { kysely } from '../kysely-runtime.js';

/**
 * The change feed: sync settings and runs per account, the last version seen of every synced record, events,
 * webhooks and their deliveries. Plain `text`/`integer` columns so SQLite and Postgres share every query.
 */
export const changeFeed: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was (see 0001)
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sync_settings')
      .addColumn('account_id', 'text', (c) =>
        c.primaryKey().references('integrated_accounts.id').onDelete('cascade'),
      )
      .addColumn('environment_id', 'text', (c) => c.notNull())
      .addColumn('resources', 'text', (c) => c.notNull())
      .addColumn('interval_ms', 'integer', (c) => c.notNull())
      .addColumn('next_run_at', 'text', (c) => c.notNull())
      .addColumn('last_full_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sync_settings_due').on('sync_settings').columns(['next_run_at']).execute();

    await db.schema
      .createTable('sync_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('integrated_accounts.id').onDelete('cascade'),
      )
      .addColumn('environment_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('counts', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('lease_until', 'text', (c) => c.notNull())
      .execute();
    // One running run per account, whichever replica tries to start a second one.
    await db.schema
      .createIndex('sync_runs_one_running')
      .on('sync_runs')
      .column('account_id')
      .unique()
      .where(kysely.sql.ref('status'), '=', 'running')
      .execute();
    await db.schema
      .createIndex('sync_runs_account')
      .on('sync_runs')
      .columns(['account_id', 'started_at'])
      .execute();

    await db.schema
      .createTable('record_versions')
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('integrated_accounts.id').onDelete('cascade'),
      )
      .addColumn('resource', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('seen_run_id', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('record_versions_pk', ['account_id', 'resource', 'record_id'])
      .execute();

    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('environment_id', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('integration', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('resource', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('changed_fields', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('events_environment')
      .on('events')
      .columns(['environment_id', 'id'])
      .execute();

    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('environment_id', 'text', (c) =>
        c.notNull().references('environments.id').onDelete('cascade'),
      )
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
      .addColumn('environment_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('lease_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_due')
      .on('webhook_deliveries')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_webhook')
      .on('webhook_deliveries')
      .columns(['webhook_id', 'id'])
      .execute();
  },
};
