/**
 * @module Builds the Fastify application: an HTTP adapter over an engine and a store, with no business logic of
 * its own. It never listens (`server.ts` does); tests drive it with `app.inject()`.
 */
import { randomBytes } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';
import type { Engine } from '@switchboard/engine';
import { connectRedis, type Store } from '@switchboard/store';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { type ChangeFeed, createChangeFeed } from './change-feed/change-feed.js';
import { connectRoutes } from './connect/plugin.js';
import { purposeKey } from './cursor-secret.js';
import { DeferredCompiles } from './deferred-compile.js';
import { JsonTooDeep } from './errors.js';
import { jsonDepth } from './json-depth.js';
import { loggerOptions } from './logger.js';
import { installApiRateLimit } from './plugins/api-rate-limit.js';
import { installAuthentication } from './plugins/authentication.js';
import { clientErrorHandler } from './plugins/client-errors.js';
import { installErrorHandling, sendError } from './plugins/error-handler.js';
import { installGracefulClose } from './plugins/graceful-close.js';
import { installOpenApi } from './plugins/openapi.js';
import { installQueryKeyGuard } from './plugins/query-keys.js';
import { installRequestId, requestId } from './plugins/request-id.js';
import { installStoreAvailability } from './plugins/store-availability.js';
import type { RouteDeps } from './route-deps.js';
import { adminRoutes } from './routes/admin.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { integratedAccountRoutes } from './routes/integrated-accounts.js';
import { integrationRoutes } from './routes/integrations.js';
import { linkTokenRoutes } from './routes/link-tokens.js';
import { mcpRoutes } from './routes/mcp.js';
import { passthroughRoutes } from './routes/passthrough.js';
import { proxyRoutes } from './routes/proxy.js';
import { syncRoutes } from './routes/sync.js';
import { unifiedRoutes } from './routes/unified.js';
import { webhookRoutes } from './routes/webhooks.js';
import { addComponents, sharedSchemas } from './schemas/components.js';
import type { Settings } from './settings.js';
import { StoreHealth, type StoreHealthOptions } from './store-health.js';
import { requestValidators } from './validation.js';

export interface BuildOptions {
  engine: Engine;
  store: Store;
  settings: Settings;
  /** A pino logger, or `false` for none. Default: pino at `settings.logLevel`, with secrets redacted. */
  logger?: FastifyBaseLogger | false;
  /** Shares the API's own rate limit between replicas; default: a client for `settings.redisUrl` when set. */
  redis?: Redis;
  /** Tuning of the cached store ping (tests shorten it). */
  storeHealth?: StoreHealthOptions;
  /** The change feed's service and jobs; default: built from the settings (BullMQ with `REDIS_URL`), not started. */
  changeFeed?: ChangeFeed;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Sync runs and webhook deliveries; `switchboard serve` starts its jobs, tests drive them. */
    changeFeed: ChangeFeed;
    /**
     * Compiles every route validator and serializer not compiled yet (they compile on first use:
     * `deferred-compile.ts`); returns how many. Throws what a compile throws.
     */
    compileRouteSchemas(): number;
  }
}

type ParserDone = (error: Error | null, body?: unknown) => void;

/** Request bodies above this answer 413. Unified writes and credentials are tiny; passthrough uploads are not. */
const BODY_LIMIT = 1024 * 1024;
/** Deeper than any real API payload; far below what recursive serializers survive. */
const MAX_JSON_DEPTH = 64;

/**
 * Builds the API. Register nothing on it after it resolves.
 *
 * @example
 * const app = await build({ engine, store, settings: parseSettings(process.env) });
 * const response = await app.inject({ method: 'GET', url: '/health' });
 */
export async function build(options: BuildOptions): Promise<FastifyInstance> {
  const { engine, store, settings } = options;
  const deferred = new DeferredCompiles();
  const schemas = sharedSchemas();
  const app = Fastify({
    ...loggerSetting(options.logger, settings.logLevel),
    genReqId: requestId,
    bodyLimit: BODY_LIMIT,
    // Filters such as `updated_at[gte]` stay flat keys; repeated keys become arrays (and fail validation).
    routerOptions: {
      querystringParser: (text: string) => parseQuery(text, '&', '=', { maxKeys: 0 }),
      maxParamLength: 500,
    },
    frameworkErrors: (error, request, reply) => sendError(error, request, reply),
    clientErrorHandler,
    forceCloseConnections: 'idle',
    // Behind a reverse proxy, the client address (the connect pages' rate-limit key) comes from X-Forwarded-For.
    trustProxy: trustProxyOption(settings.trustProxy),
    return503OnClosing: true,
    schemaController: {
      compilersFactory: {
        buildSerializer: deferred.serializerFactory(),
        buildValidator: requestValidators(schemas, deferred),
      },
    },
  });
  app.decorate('compileRouteSchemas', () => deferred.compileAll());

  const redis = options.redis ?? createRedis(settings.redisUrl);
  if (redis !== undefined && options.redis === undefined) {
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
  }

  const storeHealth = new StoreHealth(store, options.storeHealth);
  const changeFeed = options.changeFeed ?? (await createChangeFeed(engine, store, settings, app.log));
  app.decorate('changeFeed', changeFeed);
  app.addHook('onClose', async () => {
    await changeFeed.jobs.close();
  });
  const deps: RouteDeps = {
    changeFeed,
    engine,
    store,
    settings,
    storeHealth,
    cursorKey: purposeKey(settings.cursorSecret ?? randomBytes(32), 'account-cursor'),
  };

  installErrorHandling(app);
  installJsonParsing(app);
  installRequestId(app);
  installGracefulClose(app);
  installStoreAvailability(app, storeHealth);
  installAuthentication(app, {
    store,
    ...(settings.adminToken === undefined ? {} : { adminToken: settings.adminToken }),
  });
  addComponents(app, schemas);
  installQueryKeyGuard(app);
  await installOpenApi(app);
  await installApiRateLimit(app, settings.apiRateLimit, redis);

  await app.register(async (scope) => {
    await healthRoutes(scope, deps);
    await adminRoutes(scope, deps);
    await integrationRoutes(scope, deps);
    await integratedAccountRoutes(scope, deps);
    await linkTokenRoutes(scope, deps);
    await unifiedRoutes(scope, deps);
    await proxyRoutes(scope, deps);
    await mcpRoutes(scope, deps);
    await syncRoutes(scope, deps);
    await eventRoutes(scope, deps);
    await webhookRoutes(scope, deps);
  });
  await app.register(async (scope) => passthroughRoutes(scope, deps));
  // Encapsulated on purpose: the connect pages bring their own form parser and HTML error page.
  await app.register(connectRoutes, { engine, store, publicUrl: settings.publicUrl });

  await app.ready();
  return app;
}

function loggerSetting(logger: FastifyBaseLogger | false | undefined, level: string) {
  if (logger === false) return { logger: false };
  if (logger !== undefined) return { loggerInstance: logger };
  return { logger: loggerOptions(level) };
}

/**
 * JSON only (plus `+json` media types); anything else answers 415. An empty body with a JSON content type reads
 * as no body, because many clients send the header on every DELETE. Bodies nesting deeper than
 * `MAX_JSON_DEPTH` are refused: no real payload needs it, and recursive code downstream would overflow.
 */
function installJsonParsing(app: FastifyInstance): void {
  // Fastify's parser (prototype-poisoning safe) is callback-style; its declared type also admits a promise form.
  const parseJson = app.getDefaultJsonParser('error', 'error') as (
    request: FastifyRequest,
    body: string,
    done: ParserDone,
  ) => void;
  app.removeAllContentTypeParsers();
  const parser = (request: FastifyRequest, body: string, done: ParserDone) => {
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    parseJson(request, body, (error, parsed) => {
      if (error !== null) done(error);
      else if (jsonDepth(parsed, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) done(new JsonTooDeep(MAX_JSON_DEPTH));
      else done(null, parsed);
    });
  };
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parser);
  app.addContentTypeParser(/^application\/[\w.-]+\+json$/, { parseAs: 'string' }, parser);
}

function createRedis(url: string | undefined): Redis | undefined {
  return url === undefined ? undefined : connectRedis(url);
}

/** Fastify's typings take no hop count: the same rule as a function (trust the nearest `hops` proxies). */
function trustProxyOption(
  setting: Settings['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}
