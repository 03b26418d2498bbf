/**
 * @module OneLogin's answers for the shared request guard of @switchboard/sim-kit (latency, storms, bursts,
 * bearer token, token-expiry fault, hourly budget, in that order): v1 envelopes or v2 bare errors by path,
 * v1 calling a missing or unreadable header a bad request where v2 simply says 401.
 */
import { STATUS_CODES } from 'node:http';
import { type GuardDialect, registerRequestGuard } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import { readBearer } from '../auth/bearer.js';
import { flavorOf } from '../wire/flavor.js';
import { sendError } from '../wire/send.js';
import { V1Messages } from '../wire/v1-envelope.js';
import { V2Messages } from '../wire/v2-errors.js';
import type { SimContext } from './context.js';
import { sendRateLimited, setRateLimitHeaders } from './rate-limit-headers.js';

const oneLoginDialect: GuardDialect = {
  readCredential: (request) => readBearer(request.headers.authorization),
  missingCredential: (request, reply) =>
    flavorOf(request) === 'v1'
      ? sendError(reply, 'v1', 400, V1Messages.authorizationIncorrect)
      : sendError(reply, 'v2', 401, V2Messages.unauthorized),
  badCredential: (request, reply) =>
    flavorOf(request) === 'v1'
      ? sendError(reply, 'v1', 401, V1Messages.authenticationFailure)
      : sendError(reply, 'v2', 401, V2Messages.unauthorized),
  rateLimited: (request, reply, reading) =>
    sendRateLimited(reply, flavorOf(request), reading.limit, reading.resetSeconds),
  serverError: (request, reply, status) =>
    sendError(reply, flavorOf(request), status, STATUS_CODES[status] ?? 'Server Error'),
  rateLimitHeaders: setRateLimitHeaders,
};

export function registerApiGuard(app: FastifyInstance, context: SimContext): void {
  const { state } = context;
  registerRequestGuard(
    app,
    {
      counters: state.counters,
      tokens: state.tokens,
      budget: state.budget,
      faults: context.faults,
      latencyMs: context.options.latencyMs,
      now: context.now,
    },
    oneLoginDialect,
  );
}
