import type { Kysely, Migration } from 'kysely';

/** Failed connect-form submissions per link token, so a link cannot be used to test credentials without end. */
export const linkTokenAttempts: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was (see 0001)
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('link_tokens')
      .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
