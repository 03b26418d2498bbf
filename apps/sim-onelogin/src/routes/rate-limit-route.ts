/** @module `GET /auth/rate_limit`: the budget as an object-valued `data` (not an array, unlike other v1 reads). */

import { TOKEN_ONLY } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../http/context.js';
import { sendJson } from '../wire/send.js';
import { v1Data } from '../wire/v1-envelope.js';

export function registerRateLimitRoute(app: FastifyInstance, context: SimContext): void {
  app.get('/auth/rate_limit', TOKEN_ONLY, (_request, reply) => {
    const reading = context.state.budget.peek(context.now());
    return sendJson(
      reply,
      'v1',
      200,
      v1Data({
        'X-RateLimit-Limit': reading.limit,
        'X-RateLimit-Remaining': reading.remaining,
        'X-RateLimit-Reset': reading.resetSeconds,
      }),
    );
  });
}
