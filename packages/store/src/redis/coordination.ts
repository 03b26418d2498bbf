/**
 * @module What several API replicas share through Redis (`REDIS_URL`): the upstream rate budget and the
 * token-refresh lock. Without Redis, everything stays in process.
 */

import type { RateBudget, RefreshLock } from '@switchboard/engine';
import type { Redis } from 'ioredis';
import { connectRedis } from './connect-redis.js';
import { RedisRateBudget } from './redis-rate-budget.js';
import { RedisRefreshLock } from './redis-refresh-lock.js';
import { type ResilienceLogger, ResilientRateBudget } from './resilient-rate-budget.js';
import { ResilientRefreshLock } from './resilient-refresh-lock.js';

export interface Coordination {
  rateBudget: RateBudget;
  refreshLock: RefreshLock;
  redis: Redis;
  close(): Promise<void>;
}

/**
 * @param localBudget the in-process budget used while Redis is unreachable (the engine's memory budget).
 */
export function createRedisCoordination(
  url: string,
  localBudget: RateBudget,
  logger: ResilienceLogger,
): Coordination {
  const redis = connectRedis(url);
  return {
    redis,
    rateBudget: new ResilientRateBudget(new RedisRateBudget(redis), localBudget, logger),
    refreshLock: new ResilientRefreshLock(new RedisRefreshLock(redis), logger),
    close: async () => {
      redis.disconnect();
    },
  };
}
