/**
 * @module The API's own request budget, per API key (`SWITCHBOARD_API_RATE_LIMIT`, default 6000/1m). Shared
 * through Redis when `REDIS_URL` is set, so several replicas count together. Only `Retry-After` is sent: the
 * `ratelimit-*` headers belong to the upstream (the contract passes the upstream's budget on).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { ApiRateLimited } from '../errors.js';
import type { Budget } from '../settings.js';

const NO_BUDGET_HEADERS = {
  'x-ratelimit-limit': false,
  'x-ratelimit-remaining': false,
  'x-ratelimit-reset': false,
} as const;

export async function installApiRateLimit(
  app: FastifyInstance,
  budget: Budget | 'off',
  redis?: Redis,
): Promise<void> {
  if (budget === 'off') return;
  await app.register(rateLimit, {
    global: true,
    max: budget.max,
    timeWindow: budget.windowMs,
    // After authentication (onRequest), so the key is the API key rather than the client address.
    hook: 'preHandler',
    keyGenerator: (request) => request.caller?.apiKeyId ?? `ip:${request.ip}`,
    // The operator's own calls are not metered.
    allowList: (request) => request.routeOptions.config.sbAccess === 'admin',
    // A Redis hiccup must not turn into failed requests: count locally-unlimited instead.
    skipOnError: true,
    ...(redis === undefined ? {} : { redis, nameSpace: 'switchboard:api-rate-limit:' }),
    addHeadersOnExceeding: NO_BUDGET_HEADERS,
    addHeaders: { ...NO_BUDGET_HEADERS, 'retry-after': true },
    errorResponseBuilder: (_request, context) =>
      new ApiRateLimited(context.after, {
        details: {
          limit: context.max,
          retry_at: new Date(Date.now() + context.ttl).toISOString(),
        },
      }),
  });
}
