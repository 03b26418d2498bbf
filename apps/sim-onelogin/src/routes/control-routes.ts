/**
 * @module The simulator's own control surface under `/__sim/` (unauthenticated; never part of OneLogin):
 * faults, counters, reset. Plain JSON, no OneLogin envelope.
 */
import type { FastifyInstance } from 'fastify';
import { SimulatorError } from '../errors.js';
import { parseFaultSettings } from '../faults/fault-settings.js';
import type { SimContext } from '../http/context.js';
import { bodyOf } from '../wire/request-body.js';

export function registerControlRoutes(app: FastifyInstance, context: SimContext): void {
  const { faults, state } = context;

  app.get('/__sim/faults', async () => faults.snapshot());
  app.delete('/__sim/faults', async () => faults.clear());
  app.post('/__sim/faults', async (request, reply) => {
    const body = bodyOf(request);
    try {
      return faults.set(parseFaultSettings(body.kind === 'json' ? body.value : undefined));
    } catch (error) {
      if (!(error instanceof SimulatorError)) throw error;
      return reply.code(400).send({ code: error.code, message: error.message, details: error.details });
    }
  });

  app.get('/__sim/state', async () => ({ ...state.summary(context.now()), faults: faults.snapshot() }));

  app.post('/__sim/reset', async () => {
    context.reseed();
    faults.clear();
    return { ...state.summary(context.now()), faults: faults.snapshot() };
  });
}
