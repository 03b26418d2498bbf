/**
 * @module The request guard, one onRequest hook for every non-control request. Order matters and mirrors a
 * real edge: latency, call counting, injected storms and 5xx bursts (before authentication, like a proxy),
 * then the credential, the token-expiry fault, and finally the budget. What the answers look like is the
 * provider's business: a {@link GuardDialect} writes them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenRecord, TokenStore } from '../auth/token-store.js';
import type { Faults } from '../faults/fault-control.js';
import {
  exhaustedReading,
  type RateLimitReading,
  type RateLimitWindow,
} from '../limits/rate-limit-window.js';
import { type CallCounters, countCall } from './call-counters.js';
import { pathOf } from './request-path.js';

/** The provider-specific answers of the guard. */
export interface GuardDialect {
  /** The credential carried by the request, or `undefined` when the header is absent or unreadable. */
  readCredential(request: FastifyRequest): string | undefined;
  /** Answer to a call without a readable credential. */
  missingCredential(request: FastifyRequest, reply: FastifyReply): FastifyReply;
  /** Answer to a call with an unknown, revoked or expired credential. */
  badCredential(request: FastifyRequest, reply: FastifyReply): FastifyReply;
  /** 429 answer, from the budget or a storm (`limit` is 0 when the budget is unlimited). */
  rateLimited(request: FastifyRequest, reply: FastifyReply, reading: RateLimitReading): FastifyReply;
  /** The 5xx of an error burst. */
  serverError(request: FastifyRequest, reply: FastifyReply, status: number): FastifyReply;
  /** Rate-limit headers on an allowed call (only called when the budget is limited). */
  rateLimitHeaders(reply: FastifyReply, reading: RateLimitReading): void;
}

export interface GuardDeps {
  readonly counters: CallCounters;
  readonly tokens: TokenStore<TokenRecord>;
  readonly budget: RateLimitWindow;
  readonly faults: Pick<
    Faults<string>,
    'latencyMs' | 'takeStorm' | 'takeErrorBurst' | 'expireTokensAfterCalls'
  >;
  /** Configured latency added to every guarded request. */
  readonly latencyMs: number;
  /** Epoch ms; read through here so tests can move time with a fake `Date`. */
  now(): number;
  /** The window to charge for this request (Okta keeps one per endpoint family); default `budget`. */
  budgetFor?(request: FastifyRequest): RateLimitWindow;
}

export function registerRequestGuard(app: FastifyInstance, deps: GuardDeps, dialect: GuardDialect): void {
  const { counters, tokens, faults } = deps;
  app.addHook('onRequest', async (request, reply) => {
    if (pathOf(request).startsWith('/__sim/')) return;
    const latency = deps.latencyMs + faults.latencyMs;
    if (latency > 0) await sleep(latency);
    countCall(counters, `${request.method} ${request.routeOptions.url ?? '<unmatched>'}`);
    const access = request.routeOptions.config.access;
    if (access === undefined) return;
    const budget = deps.budgetFor?.(request) ?? deps.budget;

    if (access !== 'token-only') {
      const stormReset = faults.takeStorm();
      if (stormReset !== undefined) {
        counters.rateLimited += 1;
        return dialect.rateLimited(request, reply, exhaustedReading(budget.limit, stormReset, deps.now()));
      }
      const burstStatus = faults.takeErrorBurst();
      if (burstStatus !== undefined) {
        counters.injectedErrors += 1;
        return dialect.serverError(request, reply, burstStatus);
      }
    }

    if (access === 'open-resource' && request.headers.authorization === undefined) return;
    const credential = dialect.readCredential(request);
    if (credential === undefined) {
      counters.unauthorized += 1;
      return dialect.missingCredential(request, reply);
    }
    const now = deps.now();
    const token = tokens.authenticate(credential, now);
    if (
      token === undefined ||
      (access !== 'token-only' && !tokens.chargeCall(token, faults.expireTokensAfterCalls))
    ) {
      counters.unauthorized += 1;
      return dialect.badCredential(request, reply);
    }
    if (access === 'token-only') return;

    const reading = budget.consume(now);
    if (!reading.allowed) {
      counters.rateLimited += 1;
      return dialect.rateLimited(request, reply, reading);
    }
    if (reading.limit > 0) dialect.rateLimitHeaders(reply, reading);
    return undefined;
  });
}
