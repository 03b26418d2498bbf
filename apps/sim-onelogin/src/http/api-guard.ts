/**
 * @module The request guard, one onRequest hook for every non-control request. Order matters and mirrors a
 * real edge: latency, call counting, injected storms and 5xx bursts (before authentication, like a proxy),
 * then the bearer token, the token-expiry fault, and finally the account budget.
 */
import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readBearer } from '../auth/bearer.js';
import { type Flavor, flavorOfPath, pathOf } from '../wire/flavor.js';
import { sendError } from '../wire/send.js';
import { V1Messages } from '../wire/v1-envelope.js';
import { V2Messages } from '../wire/v2-errors.js';
import type { SimContext } from './context.js';
import { sendRateLimited, setRateLimitHeaders } from './rate-limit-headers.js';

export function registerApiGuard(app: FastifyInstance, context: SimContext): void {
  const { state, faults } = context;
  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request);
    if (path.startsWith('/__sim/')) return;
    const latency = context.options.latencyMs + faults.latencyMs;
    if (latency > 0) await sleep(latency);
    state.countCall(`${request.method} ${request.routeOptions.url ?? '<unmatched>'}`);
    const access = request.routeOptions.config.access;
    if (access === undefined) return;
    const flavor = flavorOfPath(path);

    if (access !== 'token-only') {
      const stormReset = faults.takeStorm();
      if (stormReset !== undefined) {
        state.counters.rateLimited += 1;
        return sendRateLimited(reply, flavor, state.budget.limit, stormReset);
      }
      const burstStatus = faults.takeErrorBurst();
      if (burstStatus !== undefined) {
        state.counters.injectedErrors += 1;
        return sendError(reply, flavor, burstStatus, STATUS_CODES[burstStatus] ?? 'Server Error');
      }
    }

    const authorization = request.headers.authorization;
    if (access === 'open-resource' && authorization === undefined) return;
    const accessToken = readBearer(authorization);
    if (accessToken === undefined) {
      // v1 calls a missing or unreadable header a bad request; v2 simply says 401.
      return flavor === 'v1'
        ? sendError(reply, 'v1', 400, V1Messages.authorizationIncorrect)
        : unauthorized(reply, 'v2');
    }
    const now = context.now();
    const token = state.tokens.authenticate(accessToken, now);
    if (token === undefined) return unauthorized(reply, flavor);
    if (access === 'token-only') return;

    const expireAfter = faults.expireTokensAfterCalls;
    if (expireAfter !== null) {
      if (token.callsUnderFault >= expireAfter) {
        token.expiredByFault = true;
        return unauthorized(reply, flavor);
      }
      token.callsUnderFault += 1;
    }

    const reading = state.budget.consume(now);
    if (!reading.allowed) {
      state.counters.rateLimited += 1;
      return sendRateLimited(reply, flavor, reading.limit, reading.resetSeconds);
    }
    if (reading.limit > 0) setRateLimitHeaders(reply, reading);
    return undefined;
  });

  function unauthorized(reply: FastifyReply, flavor: Flavor): FastifyReply {
    state.counters.unauthorized += 1;
    return flavor === 'v1'
      ? sendError(reply, 'v1', 401, V1Messages.authenticationFailure)
      : sendError(reply, 'v2', 401, V2Messages.unauthorized);
  }
}
