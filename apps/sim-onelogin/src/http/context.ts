/** @module What every route module receives: the live state, the faults, the options and the clock. */
import type { Faults } from '../faults/fault-control.js';
import type { ResolvedOptions } from '../options.js';
import type { SimulatorState } from '../state.js';

export interface SimContext {
  readonly state: SimulatorState;
  readonly faults: Faults;
  readonly options: ResolvedOptions;
  /** Epoch ms; read through here so tests can move time with fake `Date`. */
  now(): number;
  /** Re-seeds the data (used by `POST /__sim/reset`). */
  reseed(): void;
}
