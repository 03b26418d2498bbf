/**
 * @module The databases every store test runs against: SQLite in a temp directory, and Postgres at
 * DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) in a fresh schema per test, dropped after.
 * When Postgres cannot be reached its cases are skipped, loudly.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, it, onTestFinished } from 'vitest';
import { openStore } from '../src/open-store.js';
import type { StoreCacheOptions } from '../src/ttl-cache.js';
import type { Store } from '../src/types.js';

export interface TestDatabase {
  url: string;
  /** Opens a store on this database (a replica, when opened twice); closed automatically when the test ends. */
  open(key?: Buffer, cache?: StoreCacheOptions, previousKeys?: Buffer[]): Promise<Store>;
  /** Everything the database holds at rest, as bytes: the SQLite files, or every Postgres row as text. */
  rawContents(): Promise<Buffer>;
}

export interface DatabaseKind {
  name: 'sqlite' | 'postgres';
  available: boolean;
  /** A new, empty database for the current test. */
  fresh(): Promise<TestDatabase>;
}

export const testKey = randomBytes(32);

const { DATABASE_URL: envUrl } = process.env;
export const postgresUrl =
  envUrl !== undefined && /^postgres(ql)?:\/\//.test(envUrl)
    ? envUrl
    : 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pgAvailable = await postgresReachable();
if (!pgAvailable) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! POSTGRES UNREACHABLE at ${new URL(postgresUrl).host}: the Postgres cases of the store` +
      ` suite are SKIPPED.\n!! Set DATABASE_URL to a reachable postgres:// URL to run them.\n${'!'.repeat(78)}\n`,
  );
}

function opener(
  url: string,
): (key?: Buffer, cache?: StoreCacheOptions, previousKeys?: Buffer[]) => Promise<Store> {
  return async (key = testKey, cache, previousKeys) => {
    const store = await openStore({
      url,
      encryptionKey: key,
      ...(cache === undefined ? {} : { cache }),
      ...(previousKeys === undefined ? {} : { previousEncryptionKeys: previousKeys }),
    });
    onTestFinished(() => store.close());
    return store;
  };
}

const sqlite: DatabaseKind = {
  name: 'sqlite',
  available: true,
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'sb-store-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    // A nested path, so every test also proves the parent directory is created.
    const url = `sqlite:${join(dir, 'data', 'switchboard.db')}`;
    return {
      url,
      open: opener(url),
      async rawContents() {
        const files = filesUnder(dir);
        return Buffer.concat(files.map((file) => readFileSync(file)));
      },
    };
  },
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const postgres: DatabaseKind = {
  name: 'postgres',
  available: pgAvailable,
  async fresh() {
    const schema = `sb_store_test_${randomBytes(6).toString('hex')}`;
    const url = new URL(postgresUrl);
    url.searchParams.set('schema', schema);
    onTestFinished(async () => {
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      try {
        await admin.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await admin.end();
      }
    });
    return {
      url: url.toString(),
      open: opener(url.toString()),
      async rawContents() {
        const admin = new pg.Client({ connectionString: postgresUrl });
        await admin.connect();
        try {
          const tables = await admin.query<{ table_name: string }>(
            'select table_name from information_schema.tables where table_schema = $1',
            [schema],
          );
          const dumps: string[] = [];
          for (const { table_name } of tables.rows) {
            const rows = await admin.query(`select * from ${schema}."${table_name}"`);
            dumps.push(JSON.stringify(rows.rows));
          }
          return Buffer.from(dumps.join('\n'), 'utf8');
        } finally {
          await admin.end();
        }
      },
    };
  },
};

export const databases: DatabaseKind[] = [sqlite, postgres];

/**
 * Runs the same suite against every database (describe.each, with unreachable ones shown as skipped).
 */
export function describeEachDatabase(title: string, suite: (kind: DatabaseKind) => void): void {
  describe.each(databases.map((kind) => [kind.name, kind] as const))(`${title} on %s`, (_name, kind) => {
    if (kind.available) suite(kind);
    else it.skip(`skipped: ${kind.name} is unreachable`, () => {});
  });
}
