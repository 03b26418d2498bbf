/**
 * @module Postgres through a pg Pool. Every connection's search_path is the configured schema, so the
 * same unqualified queries work in `public` or in an isolated schema (tests, several stores per database).
 */
import { type Dialect, PostgresDialect } from 'kysely';
import pg from 'pg';

export interface PostgresOptions {
  connectionString: string;
  schema: string;
}

export function createPostgresDialect({ connectionString, schema }: PostgresOptions): Dialect {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // Without a bound, a query waits forever for a Postgres that is down, and /health never answers 503.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    options: `-c search_path=${schema}`,
  });
  // An idle client whose server went away emits 'error' on the pool; unhandled, that would kill the
  // process. The pool has already discarded the client, and the next query reports the outage as
  // StoreUnavailable with its own cause, so there is nothing more to do with this one.
  pool.on('error', () => {});
  return new PostgresDialect({ pool });
}
