/**
 * @module Postgres through a pg Pool. Every connection's search_path is the configured schema, so the
 * same unqualified queries work in `public` or in an isolated schema (tests, several stores per database).
 */
import type { Dialect } from 'kysely';
import pg from 'pg';
import { kysely } from '../kysely-runtime.js';

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
  // When Postgres goes away, pg emits 'error' on its clients; an unhandled 'error' event would kill the
  // process, and the API must stay up and answer 503 instead. Idle clients report through the pool, clients
  // in use have no listener of their own while checked out, so both get one. Nothing is lost: the query
  // in flight fails with the same error (surfacing as StoreUnavailable), and the pool discards the client.
  const ignore = () => {};
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
  return new kysely.PostgresDialect({ pool });
}
