/**
 * @module What `buildSimulator` hands back in every simulator: the Fastify app (not yet listening), its live
 * state for assertions and the fault control. Each simulator names its own state and budget key.
 */
import type { FastifyInstance } from 'fastify';
import type { RunnableSimulator } from './cli/run-cli.js';
import type { FaultControl } from './faults/fault-control.js';

export interface Simulator<State, BudgetKey extends string> extends RunnableSimulator {
  /** Not listening; use `app.inject()` or {@link Simulator.listen}. */
  readonly app: FastifyInstance;
  /** Listens (default port 0 = any free port, host 127.0.0.1) and returns the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** Counters, data, tokens and rate-limit windows, for assertions. */
  readonly state: State;
  /** The same operations as `POST /__sim/faults`. */
  readonly faults: FaultControl<BudgetKey>;
}
