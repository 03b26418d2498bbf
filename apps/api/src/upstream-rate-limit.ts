/**
 * @module Passes the upstream's rate-limit state on to the caller as `ratelimit-limit`, `ratelimit-remaining`
 * and `ratelimit-reset` (seconds), the IETF draft's names, on every answer that follows an upstream call:
 * unified, proxy and passthrough answers alike, and errors (an upstream 404, 429 or 502) too.
 */
import type { Engine, RateLimitInfo } from '@switchboard/engine';
import type { IntegratedAccountWithSecrets } from '@switchboard/store';
import type { FastifyReply } from 'fastify';

export function setRateLimitHeaders(reply: FastifyReply, info: RateLimitInfo | undefined): void {
  if (info === undefined) return;
  if (info.limit !== undefined) reply.header('ratelimit-limit', String(info.limit));
  if (info.remaining !== undefined) reply.header('ratelimit-remaining', String(info.remaining));
  if (info.reset !== undefined) reply.header('ratelimit-reset', String(Math.max(0, Math.ceil(info.reset))));
}

/**
 * `withAccount`'s `afterCall`: sets the headers from the account's latest state, which the engine keeps for
 * failed calls too. Headers set on the reply stay on the error answer the error handler sends.
 *
 * @example
 * withAccount({ store, log, afterCall: passRateLimitOn(reply, engine) }, caller, id, call);
 */
export function passRateLimitOn(
  reply: FastifyReply,
  engine: Pick<Engine, 'rateLimit'>,
): (account: IntegratedAccountWithSecrets) => void {
  return (account) => setRateLimitHeaders(reply, engine.rateLimit(account.integration, account.id));
}
