/**
 * @module `createHttpRuntime`: the network layer `run/` uses. Owns what outlives one operation — connection
 * pools, the token cache with its single-flight refreshes, the rate budget and concurrency caps — and hands
 * out per-account sessions over them, reused between calls while the account's connection is unchanged.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { type SessionShared, UpstreamSession } from './account-session.js';
import { MemoryTokenStore } from './auth/memory-token-store.js';
import { revokeToken } from './auth/revoke-token.js';
import { TokenCache } from './auth/token-cache.js';
import { verifyCredentials } from './auth/verify-credentials.js';
import { withConnectionDefaults } from './connection-defaults.js';
import type { HttpRuntime, HttpRuntimeOptions } from './http-runtime.js';
import { type IntegrationPlan, integrationPlan } from './integration-plan.js';
import { MemoryRateBudget } from './rate-limit/memory-rate-budget.js';
import { accountKeyOf, RateLimiter } from './rate-limit/rate-limiter.js';
import { RequestExecutor } from './request-executor.js';
import { SessionCache } from './session-cache.js';
import { PoolRegistry } from './transport/pool-registry.js';
import type { AccountContext } from './upstream.js';

export const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  delay(ms, undefined, signal ? { signal } : {}) as Promise<void>;

export function createHttpRuntime(options: HttpRuntimeOptions = {}): HttpRuntime {
  const clock = options.clock ?? Date.now;
  const pools = new PoolRegistry();
  const limiter = new RateLimiter(options.rateBudget ?? new MemoryRateBudget({ clock }), clock);
  const shared: SessionShared = {
    executor: new RequestExecutor({
      pools,
      limiter,
      clock,
      sleep: options.sleep ?? defaultSleep,
      ...(options.logger ? { logger: options.logger } : {}),
    }),
    tokens: new TokenCache(options.tokenStore ?? new MemoryTokenStore(), options.refreshLock, clock),
    clock,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    upstreamOverrides: options.upstreamOverrides,
  };
  const plans = new WeakMap<CompiledIntegration, IntegrationPlan>();

  const planFor = (integration: CompiledIntegration) => {
    let plan = plans.get(integration);
    if (!plan) {
      plan = integrationPlan(integration, options.rateLimitOverrides?.[integration.name]);
      plans.set(integration, plan);
    }
    return plan;
  };
  const withDefaults = (integration: CompiledIntegration, account: AccountContext): AccountContext => {
    const connection = withConnectionDefaults(integration, account.connection);
    return connection === account.connection ? account : { ...account, connection };
  };
  const sessions = new SessionCache<UpstreamSession>(clock);
  const session = (integration: CompiledIntegration, account: AccountContext) =>
    sessions.get(
      integration,
      account,
      () =>
        new UpstreamSession(shared, integration, withDefaults(integration, account), planFor(integration)),
    );
  // Verification leaves no token behind in the shared store: it runs on a private, throw-away token cache, so
  // callers may verify credentials that are not (yet) an account's without cleaning up after the engine.
  const probe = (integration: CompiledIntegration, account: AccountContext) =>
    new UpstreamSession(
      { ...shared, tokens: new TokenCache(new MemoryTokenStore(), undefined, clock) },
      integration,
      withDefaults(integration, account),
      planFor(integration),
    );

  return {
    session,
    verify: (integration, account) => verifyCredentials(probe(integration, account)),
    revoke: (integration, account) => revokeToken(session(integration, account), options.logger),
    rateLimit: (integration, accountId) => limiter.latest(accountKeyOf(integration.name, accountId)),
    close: () => pools.close(),
  };
}
