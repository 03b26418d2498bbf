/** @module What every route module receives: the live state, the faults, the options and the clock. */
import type { Faults } from '@switchboard/sim-kit';
import type { BudgetKey } from '../faults.js';
import type { ResolvedOptions } from '../options.js';
import type { SimulatorState } from '../state.js';

export interface SimContext {
  readonly state: SimulatorState;
  readonly faults: Faults<BudgetKey>;
  readonly options: ResolvedOptions;
  /** Epoch ms; read through here so tests can move time with a fake `Date`. */
  now(): number;
  /** Re-seeds the data (used by `POST /__sim/reset`). */
  reseed(): void;
}
