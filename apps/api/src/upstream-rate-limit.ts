/**
 * @module Passes the upstream's rate-limit state on to the caller as `ratelimit-limit`, `ratelimit-remaining`
 * and `ratelimit-reset` (seconds), the IETF draft's names.
 */
import type { RateLimitInfo } from '@switchboard/engine';
import type { FastifyReply } from 'fastify';

export function setRateLimitHeaders(reply: FastifyReply, info: RateLimitInfo | undefined): void {
  if (info === undefined) return;
  if (info.limit !== undefined) reply.header('ratelimit-limit', String(info.limit));
  if (info.remaining !== undefined) reply.header('ratelimit-remaining', String(info.remaining));
  if (info.reset !== undefined) reply.header('ratelimit-reset', String(Math.max(0, Math.ceil(info.reset))));
}
