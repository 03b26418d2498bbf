/**
 * @module The simulator's own control surface under `/__sim/` (unauthenticated; never part of a provider's
 * API): faults, counters, reset. Plain JSON, no provider envelope.
 */
import type { FastifyInstance } from 'fastify';
import { SimulatorError } from '../errors.js';
import { bodyOf } from './request-body.js';

export interface ControlDeps {
  /** A simulator's `Faults`, whatever its budget key (`set` validates its input). */
  readonly faults: { set(settings: never): object; clear(): object; snapshot(): object };
  /** Counters, data sizes, budget: never token values. */
  summary(): Record<string, unknown>;
  /** Re-seeds the data, zeroes counters, drops tokens. */
  reseed(): void;
}

export function registerControlRoutes(app: FastifyInstance, deps: ControlDeps): void {
  const { faults } = deps;
  const state = () => ({ ...deps.summary(), faults: faults.snapshot() });

  app.get('/__sim/faults', async () => faults.snapshot());
  app.delete('/__sim/faults', async () => faults.clear());
  app.post('/__sim/faults', async (request, reply) => {
    const body = bodyOf(request);
    try {
      return faults.set((body.kind === 'json' ? body.value : undefined) as never);
    } catch (error) {
      if (!(error instanceof SimulatorError)) throw error;
      return reply.code(400).send({ code: error.code, message: error.message, details: error.details });
    }
  });
  app.get('/__sim/state', async () => state());
  app.post('/__sim/reset', async () => {
    deps.reseed();
    faults.clear();
    return state();
  });
}
