/**
 * @module An AbortSignal that fires when the caller goes away before the answer is written, so the engine stops
 * paging an upstream for nobody.
 */
import type { FastifyReply } from 'fastify';

export function requestSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  // The response's `close` fires on completion too; only an unfinished response means the caller left.
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
