/**
 * @module One Redis client configured to fail fast: when Redis is down, a command errors at once (instead of
 * queueing until it returns) so callers can fall back to local state.
 */
import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';

// ioredis is CommonJS: required on the first connection, so a process without REDIS_URL never loads it (it is a
// noticeable share of the API's start-up), while connectRedis stays synchronous.
const require = createRequire(import.meta.url);

export function connectRedis(url: string): Redis {
  const { Redis: RedisClient } = require('ioredis') as typeof import('ioredis');
  const redis = new RedisClient(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // Generous: a busy event loop must not be mistaken for a Redis outage (which would switch to local budgets).
    // A Redis that is really down fails at once: the connection is closed and nothing is queued.
    commandTimeout: 2_000,
    connectTimeout: 1_000,
    // Keep reconnecting in the background, slowly, so Redis coming back is picked up by itself.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Connection errors surface on commands; an unhandled 'error' event would crash the process.
  redis.on('error', () => {});
  return redis;
}

/** Resolves true once the client is ready, false when it is not within `ms` (commands fail fast until then). */
export function redisReady(redis: Redis, ms = 2_000): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, ms);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}
