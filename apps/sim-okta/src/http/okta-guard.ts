/**
 * @module Okta's answers for the shared request guard of @switchboard/sim-kit: `Authorization: SSWS <token>`,
 * 401 E0000011 for a bad token, 403 E0000005 when the header is missing or not SSWS (Okta falls back to
 * cookie-session auth, reference §1), 429 E0000047, and the `X-Rate-Limit-*` headers with the reset as epoch
 * seconds, counted per endpoint family.
 */
import { type GuardDialect, pathOf, type RateLimitReading, registerRequestGuard } from '@switchboard/sim-kit';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { familyOf } from '../rate-limits.js';
import { OktaErrors, sendOktaError, serverErrorFor } from '../wire/okta-errors.js';
import type { SimContext } from './context.js';

const SSWS = /^SSWS\s+(\S+)\s*$/;

function rateLimitHeaders(reply: FastifyReply, reading: RateLimitReading): void {
  reply.header('x-rate-limit-limit', String(reading.limit));
  reply.header('x-rate-limit-remaining', String(reading.remaining));
  reply.header('x-rate-limit-reset', String(reading.resetEpochSeconds));
}

const oktaDialect: GuardDialect = {
  readCredential: (request) => SSWS.exec(request.headers.authorization ?? '')?.[1],
  missingCredential: (_request, reply) => sendOktaError(reply, OktaErrors.invalidSession),
  badCredential: (_request, reply) => sendOktaError(reply, OktaErrors.invalidToken),
  rateLimited: (_request, reply, reading) => {
    rateLimitHeaders(reply, reading);
    return sendOktaError(reply, OktaErrors.rateLimited);
  },
  serverError: (_request, reply, status) => sendOktaError(reply, serverErrorFor(status)),
  rateLimitHeaders,
};

export function registerOktaGuard(app: FastifyInstance, context: SimContext): void {
  const { state } = context;
  registerRequestGuard(
    app,
    {
      counters: state.counters,
      tokens: state.tokens,
      budget: state.windows.for('other'),
      budgetFor: (request) => state.windows.for(familyOf(pathOf(request))),
      faults: context.faults,
      latencyMs: context.options.latencyMs,
      now: context.now,
    },
    oktaDialect,
  );
}
