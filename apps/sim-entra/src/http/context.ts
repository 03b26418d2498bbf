/** @module What every route module receives: the live state, the options and the clock. */
import type { ResolvedOptions } from '../options.js';
import type { SimulatorState } from '../state.js';

export interface SimContext {
  readonly state: SimulatorState;
  readonly options: ResolvedOptions;
  /** Epoch ms, from `options.now`. */
  now(): number;
}
