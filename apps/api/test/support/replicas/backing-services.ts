/**
 * @module The PostgreSQL and Redis that the replicas share: reachability (a loud skip when either is missing), a
 * fresh Postgres schema per run (dropped afterwards, through `psql`: the API package has no Postgres driver of
 * its own) and a Redis key prefix per run (ioredis reads `?keyPrefix=` from the URL), so that cleaning up deletes
 * only this run's keys.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { connectRedis, redisReady } from '@switchboard/store';

const run = promisify(execFile);

const { DATABASE_URL: databaseEnv, REDIS_URL: redisEnv } = process.env;
export const POSTGRES_URL =
  databaseEnv !== undefined && /^postgres(ql)?:\/\//.test(databaseEnv)
    ? databaseEnv
    : 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = redisEnv ?? 'redis://127.0.0.1:6379';

/** The server URL without `?schema=`, which is the store's own parameter and means nothing to libpq. */
function libpqUrl(): string {
  const url = new URL(POSTGRES_URL);
  url.searchParams.delete('schema');
  return url.toString();
}

async function psql(sql: string): Promise<string> {
  const { stdout } = await run('psql', [libpqUrl(), '-v', 'ON_ERROR_STOP=1', '-Atc', sql], {
    env: { ...process.env, PGCONNECT_TIMEOUT: '3' },
    timeout: 10_000,
  });
  return stdout.trim();
}

/** Why the shared services cannot be used, or undefined when both answer. */
export async function unavailableServices(): Promise<string | undefined> {
  const problems: string[] = [];
  try {
    if ((await psql('select 1')) !== '1') problems.push('PostgreSQL answered `select 1` oddly');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'psql is not installed' : 'unreachable';
    problems.push(`PostgreSQL at ${new URL(POSTGRES_URL).host}: ${reason}`);
  }
  const redis = connectRedis(REDIS_URL);
  try {
    if (!(await redisReady(redis, 3_000))) problems.push(`Redis at ${new URL(REDIS_URL).host}: unreachable`);
  } finally {
    redis.disconnect();
  }
  return problems.length === 0 ? undefined : problems.join('; ');
}

export function announceSkip(reason: string): void {
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\n!! SEVERAL-REPLICAS PROOF SKIPPED: ${reason}.\n!! Set DATABASE_URL (postgres://…) and REDIS_URL to ` +
      `reachable servers to run it.\n${bar}\n`,
  );
}

export interface RunScope {
  /** DATABASE_URL for the replicas: the shared server, in this run's own schema. */
  databaseUrl: string;
  /** REDIS_URL for the replicas: the shared server, every key under this run's prefix. */
  redisUrl: string;
  redisPrefix: string;
  /** This run's Redis keys (for assertions). */
  redisKeys(): Promise<string[]>;
  /** Drops the schema and deletes the keys. */
  cleanUp(): Promise<void>;
}

export function runScope(): RunScope {
  const suffix = randomBytes(5).toString('hex');
  const schema = `api_replicas_${suffix}`;
  const database = new URL(POSTGRES_URL);
  database.searchParams.set('schema', schema);
  const redisPrefix = `sbtest:replicas:${suffix}:`;
  const redis = new URL(REDIS_URL);
  redis.searchParams.set('keyPrefix', redisPrefix);

  const redisKeys = async () => {
    const client = connectRedis(REDIS_URL);
    try {
      await redisReady(client);
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await client.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500);
        keys.push(...batch);
        cursor = next;
      } while (cursor !== '0');
      return keys;
    } finally {
      client.disconnect();
    }
  };

  return {
    databaseUrl: database.toString(),
    redisUrl: redis.toString(),
    redisPrefix,
    redisKeys,
    async cleanUp() {
      const failures: unknown[] = [];
      await psql(`drop schema if exists ${schema} cascade`).catch((error: unknown) => failures.push(error));
      try {
        const keys = await redisKeys();
        if (keys.length > 0) {
          const client = connectRedis(REDIS_URL);
          await redisReady(client);
          await client.del(...keys).finally(() => client.disconnect());
        }
      } catch (error) {
        failures.push(error);
      }
      if (failures.length > 0) throw new AggregateError(failures, 'cleaning up the replicas run failed');
    },
  };
}
