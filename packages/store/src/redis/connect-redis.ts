/**
 * @module One Redis client configured to fail fast: when Redis is down, a command errors at once (instead of
 * queueing until it returns) so callers can fall back to local state.
 */
import { Redis } from 'ioredis';

export function connectRedis(url: string): Redis {
  const redis = new Redis(url, {
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
