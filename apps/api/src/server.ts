/**
 * @module The production server: settings from the environment, the store, the integrations from the repository's
 * `integrations/` folder, the engine, the API — listening, with graceful shutdown on SIGTERM/SIGINT (in-flight
 * requests finish; new ones get 503).
 */
import { fileURLToPath } from 'node:url';
import { createEngine, loadIntegrationDirectory, MemoryRateBudget } from '@switchboard/engine';
import {
  type Coordination,
  createRedisCoordination,
  openStore,
  resolveEncryptionKey,
  resolvePreviousEncryptionKeys,
} from '@switchboard/store';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pino from 'pino';
import { build } from './app.js';
import { deriveCursorSecret } from './cursor-secret.js';
import { loggerOptions } from './logger.js';
import { envName, parseSettings, type Settings } from './settings.js';
import { unknownIntegrationSetting } from './unknown-integration-setting.js';
import { upstreamRedirects } from './upstream-redirects.js';

/** The repository's integration files, next to `apps/`. */
export const DEFAULT_INTEGRATIONS_DIR = fileURLToPath(new URL('../../../integrations/', import.meta.url));

export interface ServerHandle {
  /** e.g. `http://127.0.0.1:8080`. */
  url: string;
  app: FastifyInstance;
  settings: Settings;
  /** Registers (hashed, idempotently) an operator-chosen API key for the named environment, creating it if needed. */
  registerApiKey(environmentName: string, apiKey: string): Promise<{ environmentId: string }>;
  /** Stops accepting requests, lets in-flight ones finish, then closes the engine and the store. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** Install SIGTERM/SIGINT handlers that close the server (default true). */
  handleSignals?: boolean;
  logger?: FastifyBaseLogger | false;
  /**
   * Refuse to start without `SWITCHBOARD_ENCRYPTION_KEY` (default true). Only the demo turns it off, to generate a
   * development key next to its database.
   */
  requireEncryptionKey?: boolean;
}

/**
 * Starts the API from environment variables.
 *
 * @example
 * const server = await startServer(process.env);
 * console.log(`listening on ${server.url}`);
 */
export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  options: StartServerOptions = {},
): Promise<ServerHandle> {
  const parsed = parseSettings(env);
  const logger =
    options.logger === undefined
      ? (pino(loggerOptions(parsed.logLevel)) as FastifyBaseLogger)
      : options.logger;
  const warn = (message: string) => (logger === false ? process.emitWarning(message) : logger.warn(message));

  const encryptionKey = resolveEncryptionKey({
    env,
    dataDir: parsed.dataDir,
    warn,
    required: options.requireEncryptionKey ?? true,
  });
  // After a key change: old keys open what they sealed; everything written is sealed with the current key.
  const previousEncryptionKeys = resolvePreviousEncryptionKeys(env);
  const integrations = await loadIntegrationDirectory(parsed.integrationsDir ?? DEFAULT_INTEGRATIONS_DIR);
  const names = integrations.map((integration) => integration.name);
  const cursorSecret = parsed.cursorSecret ?? deriveCursorSecret(encryptionKey);
  const settings: Settings = { ...parsed, cursorSecret };

  // The request path reads the API key, the account and its token on every call: remembered for
  // SWITCHBOARD_CACHE_TTL, dropped at once by writes through this store (README: In-process caches).
  const store = await openStore({
    url: settings.databaseUrl,
    encryptionKey,
    previousEncryptionKeys,
    ...(settings.cacheTtlMs > 0 ? { cache: { ttlMs: settings.cacheTtlMs } } : {}),
  });
  // With REDIS_URL, replicas share upstream budgets, token-refresh locks and the API's own rate limit; while
  // Redis is unreachable each replica falls back to its in-process budget.
  const coordination: Coordination | undefined =
    settings.redisUrl === undefined
      ? undefined
      : createRedisCoordination(settings.redisUrl, new MemoryRateBudget(), {
          warn: (object, message) => (logger === false ? undefined : logger.warn(object, message)),
        });
  const engine = createEngine({
    integrations,
    cursorSecret,
    tokenStore: store.tokens,
    upstreamOverrides: upstreamRedirects(names, settings.upstreamOverrides),
    rateLimitOverrides: byIntegration(names, settings.rateLimitOverrides, 'SWITCHBOARD_RATE_LIMIT_'),
    ...(logger === false ? {} : { logger: logger.child({ component: 'engine' }) }),
    ...(coordination === undefined
      ? {}
      : { rateBudget: coordination.rateBudget, refreshLock: coordination.refreshLock }),
  });

  let app: FastifyInstance;
  try {
    app = await build({
      engine,
      store,
      settings,
      logger,
      ...(coordination === undefined ? {} : { redis: coordination.redis }),
    });
    if (settings.apiKey !== undefined) {
      const { environmentId } = await registerApiKey('default', settings.apiKey);
      app.log.info(
        { environment_id: environmentId },
        'SWITCHBOARD_API_KEY registered for environment default',
      );
    }
    await app.listen({ port: settings.port, host: settings.host });
    // Sync runs and webhook deliveries: BullMQ workers with REDIS_URL, else a sweep in this process.
    await app.changeFeed.jobs.start();
  } catch (error) {
    await engine.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    await coordination?.close().catch(() => undefined);
    throw error;
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await app.close();
      await engine.close();
      await store.close();
      await coordination?.close();
    })();
    return closing;
  };
  if (options.handleSignals !== false) {
    const onSignal = (signal: NodeJS.Signals) => {
      app.log.info({ signal }, 'shutting down');
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { url: listeningUrl(app, settings), app, settings, registerApiKey, close };

  async function registerApiKey(environmentName: string, apiKey: string) {
    const environment =
      (await store.environments.getByName(environmentName)) ??
      (await store.environments.create(environmentName));
    await store.apiKeys.register(environment.id, apiKey);
    return { environmentId: environment.id };
  }
}

/** Maps `ONELOGIN`-style env suffixes to integration names; a suffix naming no integration is a settings error. */
function byIntegration<T>(names: string[], values: Record<string, T>, prefix: string): Record<string, T> {
  const result: Record<string, T> = {};
  const unknown: string[] = [];
  for (const [suffix, value] of Object.entries(values)) {
    const name = names.find((candidate) => envName(candidate) === suffix);
    if (name === undefined) unknown.push(`${prefix}${suffix}`);
    else result[name] = value;
  }
  if (unknown.length > 0) throw unknownIntegrationSetting(unknown, names);
  return result;
}

function listeningUrl(app: FastifyInstance, settings: Settings): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : settings.port;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`;
}
