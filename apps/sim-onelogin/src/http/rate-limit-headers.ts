/** @module `x-ratelimit-*` headers (reset = seconds left, not an epoch) and the 429 answer. */

import type { RateLimitReading } from '@switchboard/sim-kit';
import type { FastifyReply } from 'fastify';
import type { Flavor } from '../wire/flavor.js';
import { sendError } from '../wire/send.js';
import { V1Messages } from '../wire/v1-envelope.js';

export function setRateLimitHeaders(reply: FastifyReply, reading: RateLimitReading): void {
  reply.header('x-ratelimit-limit', String(reading.limit));
  reply.header('x-ratelimit-remaining', String(reading.remaining));
  reply.header('x-ratelimit-reset', String(reading.resetSeconds));
}

/** 429 in the caller's dialect; `limit` is omitted when the budget is unlimited (a storm can still hit). */
export function sendRateLimited(
  reply: FastifyReply,
  flavor: Flavor,
  limit: number,
  resetSeconds: number,
): FastifyReply {
  if (limit > 0) reply.header('x-ratelimit-limit', String(limit));
  reply.header('x-ratelimit-remaining', '0');
  reply.header('x-ratelimit-reset', String(resetSeconds));
  reply.header('retry-after', String(resetSeconds));
  return sendError(reply, flavor, 429, V1Messages.rateLimited);
}
