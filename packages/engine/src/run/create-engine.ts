/**
 * @module `createEngine`: the engine's public operations over compiled integrations and one http runtime.
 */

import type { CompiledIntegration } from '../config/compiled-integration.js';
import { createCursorCodec } from '../cursor/cursor-codec.js';
import { UnknownIntegration } from '../errors.js';
import { createHttpRuntime } from '../http/create-http-runtime.js';
import type { HttpRuntimeOptions } from '../http/http-runtime.js';
import { buildOperationPlans } from './build-operation-plans.js';
import { capabilitiesOf } from './capabilities.js';
import { checkConnection } from './check-connection.js';
import type { Engine, EngineOptions } from './contract.js';
import { runCreate } from './create.js';
import { runDelete } from './delete.js';
import type { EngineInternals } from './engine-internals.js';
import { runGet } from './get.js';
import { runList } from './list.js';
import type { OperationChoice } from './operation-plan.js';
import { runPassthrough } from './passthrough.js';
import { proxyPaged, runProxy } from './proxy.js';
import { runUpdate } from './update.js';

/**
 * @example
 * const engine = createEngine({ integrations: [await loadIntegrationFile('integrations/onelogin.yaml')], cursorSecret });
 * const page = await engine.list({ integration: 'onelogin', account, model: 'user-directory', resource: 'users', limit: 10 });
 */
export function createEngine(options: EngineOptions): Engine {
  const byName = new Map<string, CompiledIntegration>();
  // Plans are built here, once: a request only chooses among them.
  const plansByName = new Map<string, ReadonlyMap<string, OperationChoice>>();
  for (const integration of options.integrations) {
    byName.set(integration.name, integration);
    plansByName.set(integration.name, buildOperationPlans(integration));
  }
  const integration = (name: string): CompiledIntegration => {
    const found = byName.get(name);
    if (!found) throw new UnknownIntegration(name, { details: { integration: name } });
    return found;
  };

  const httpOptions: HttpRuntimeOptions = {};
  if (options.tokenStore) httpOptions.tokenStore = options.tokenStore;
  if (options.refreshLock) httpOptions.refreshLock = options.refreshLock;
  if (options.rateBudget) httpOptions.rateBudget = options.rateBudget;
  if (options.upstreamOverrides) httpOptions.upstreamOverrides = options.upstreamOverrides;
  if (options.rateLimitOverrides) httpOptions.rateLimitOverrides = options.rateLimitOverrides;
  if (options.clock) httpOptions.clock = options.clock;
  if (options.sleep) httpOptions.sleep = options.sleep;
  if (options.logger) httpOptions.logger = options.logger;
  if (options.maxResponseBytes !== undefined) httpOptions.maxResponseBytes = options.maxResponseBytes;
  const http = createHttpRuntime(httpOptions);

  const engine: EngineInternals = {
    integration,
    plans: (name) => plansByName.get(name) ?? new Map(),
    http,
    cursors: createCursorCodec(options.cursorSecret),
    clock: options.clock ?? Date.now,
    logger: options.logger,
  };

  return {
    integrations: () => [...byName.values()],
    integration,
    capabilities: (name) => capabilitiesOf(integration(name)),
    checkConnection: (name, connection) => checkConnection(integration(name), connection),
    verify: (name, account) => http.verify(integration(name), account),
    revoke: (name, account) => http.revoke(integration(name), account),
    list: (input) => runList(engine, input),
    get: (input) => runGet(engine, input),
    create: (input) => runCreate(engine, input),
    update: (input) => runUpdate(engine, input),
    delete: (input) => runDelete(engine, input),
    proxy: (input) => runProxy(engine, input),
    proxyPaged: (name, call) => proxyPaged(integration(name), call),
    passthrough: (input) => runPassthrough(engine, input),
    rateLimit: (name, accountId) => http.rateLimit(integration(name), accountId),
    close: () => http.close(),
  };
}
