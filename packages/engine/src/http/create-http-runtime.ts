/**
 * @module `createHttpRuntime`: the network layer `run/` uses. Owns what outlives one operation — connection
 * pools, the token cache with its single-flight refreshes, the rate budget and concurrency caps — and hands
 * out cheap per-account sessions over them.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { InvalidCredentials, NeedsReauth, RateLimited, UpstreamStatus } from '../errors.js';
import { templateReferences } from '../mapping/template.js';
import { type SessionShared, UpstreamSession } from './account-session.js';
import { MemoryTokenStore } from './auth/memory-token-store.js';
import { refusalReason } from './auth/refusal-reason.js';
import { TokenCache } from './auth/token-cache.js';
import type { HttpRuntime, HttpRuntimeOptions } from './http-runtime.js';
import { type IntegrationPlan, integrationPlan } from './integration-plan.js';
import { MemoryRateBudget } from './rate-limit/memory-rate-budget.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { RequestExecutor } from './request-executor.js';
import { PoolRegistry } from './transport/pool-registry.js';
import type { AccountContext } from './upstream.js';

export const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  delay(ms, undefined, signal ? { signal } : {}) as Promise<void>;

const isSuccess = (status: number) => status >= 200 && status <= 299;

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
  const session = (integration: CompiledIntegration, account: AccountContext) =>
    new UpstreamSession(shared, integration, account, planFor(integration));
  // Verification leaves no token behind in the shared store: it runs on a private, throw-away token cache, so
  // callers may verify credentials that are not (yet) an account's without cleaning up after the engine.
  const probe = (integration: CompiledIntegration, account: AccountContext) =>
    new UpstreamSession(
      { ...shared, tokens: new TokenCache(new MemoryTokenStore(), undefined, clock) },
      integration,
      account,
      planFor(integration),
    );

  return {
    session,

    async verify(integration, account) {
      const upstream = probe(integration, account);
      const auth = upstream.plan.auth;
      let token: Awaited<ReturnType<NonNullable<typeof auth.token>>> | undefined;
      try {
        // A cached token could predate new credentials: verify always asks the upstream.
        if (auth.token) token = await auth.token(upstream.authContext(), true);
      } catch (error) {
        if (error instanceof NeedsReauth) {
          const reason = String(error.details['reason'] ?? error.message);
          throw new InvalidCredentials(reason, { cause: error, details: error.details });
        }
        throw error;
      }
      const declared = integration.definition.auth.verify;
      if (!declared) return;
      const answer = await upstream.sendDeclared(declared, 'auth.verify', {
        withAuth: true,
        ...(token ? { token } : {}),
      });
      const expected = declared.expect_status
        ? declared.expect_status.includes(answer.status)
        : isSuccess(answer.status);
      if (expected) return;
      const remote = {
        status: answer.status,
        headers: upstream.redactor.headers(answer.headers),
        body: upstream.redactor.value(answer.body),
      };
      if (answer.retryAt !== undefined) {
        const retryAt = new Date(answer.retryAt).toISOString();
        throw new RateLimited(retryAt, { details: { retry_at: retryAt, label: 'auth.verify', remote } });
      }
      if (answer.status >= 400 && answer.status < 500 && answer.status !== 429) {
        const reason = upstream.redactor.text(refusalReason(answer.status, answer.body));
        throw new InvalidCredentials(reason, { details: { reason, remote } });
      }
      throw new UpstreamStatus(answer.status, 'auth.verify', { details: { label: 'auth.verify', remote } });
    },

    async revoke(integration, account) {
      const upstream = session(integration, account);
      const declared = integration.definition.auth.revoke;
      try {
        if (!declared) return;
        // Another replica may have refreshed it: revoke the token they share, not a stale local copy.
        const token = await shared.tokens.readShared(upstream.accountKey);
        upstream.redactor.addSecret(token?.access_token);
        upstream.redactor.addSecret(token?.refresh_token);
        const templates = [
          declared.path,
          ...Object.values(declared.query ?? {}),
          ...Object.values(declared.headers ?? {}),
          ...Object.values(declared.body ?? {}),
        ];
        const needsToken = templates.some((template) =>
          templateReferences(template).some((reference) => reference.startsWith('token.')),
        );
        // Nothing cached means nothing to revoke.
        if (needsToken && !token) return;
        const answer = await upstream.sendDeclared(declared, 'auth.revoke', {
          withAuth: false,
          ...(token ? { token } : {}),
        });
        if (isSuccess(answer.status) || (answer.status >= 400 && answer.status < 500)) {
          // 4xx: the token was already invalid or unknown — the outcome revoke wants.
          if (!isSuccess(answer.status))
            options.logger?.debug(
              { integration: integration.name, account: account.id, status: answer.status },
              'revoke refused; token already invalid',
            );
          return;
        }
        throw new UpstreamStatus(answer.status, 'auth.revoke', {
          details: {
            label: 'auth.revoke',
            remote: {
              status: answer.status,
              headers: upstream.redactor.headers(answer.headers),
              body: upstream.redactor.value(answer.body),
            },
          },
        });
      } finally {
        await shared.tokens.store.delete(upstream.accountKey);
      }
    },

    close: () => pools.close(),
  };
}
