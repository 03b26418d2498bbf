/**
 * @module What every route module of a simulator with re-seedable data receives: the live state, the faults,
 * the resolved options and the clock. Each simulator names its own state, options and budget key.
 */
import type { Faults } from '../faults/fault-control.js';

export interface SimContext<State, Options, BudgetKey extends string> {
  readonly state: State;
  readonly faults: Faults<BudgetKey>;
  readonly options: Options;
  /** Epoch ms; read through here so tests can move time with a fake `Date`. */
  now(): number;
  /** Re-seeds the data (used by `POST /__sim/reset`). */
  reseed(): void;
}
