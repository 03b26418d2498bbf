/**
 * @module The embedded default: one better-sqlite3 connection in WAL mode. kysely serialises queries on
 * it, so one Store per file per process; several processes may share a file (WAL + busy timeout).
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Dialect } from 'kysely';
import { kysely } from '../kysely-runtime.js';

const BUSY_TIMEOUT_MS = 5000;
const IN_MEMORY = ':memory:';

/** Opens the file now (not lazily) so an unusable path fails at start with the real cause. */
export function createSqliteDialect(path: string): Dialect {
  const isFile = path !== IN_MEMORY;
  const isNew = isFile && !existsSync(path);
  if (isFile) mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  try {
    // The file holds encrypted credentials and hashed keys; nobody else needs to read it.
    // SQLite gives the -wal and -shm files the same permissions.
    if (isNew) chmodSync(path, 0o600);
    if (isFile) database.pragma('journal_mode = WAL');
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    database.pragma('foreign_keys = ON');
    database.pragma('synchronous = NORMAL');
  } catch (error) {
    database.close();
    throw error;
  }
  return new kysely.SqliteDialect({ database });
}
