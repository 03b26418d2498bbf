/** @module What every route module receives: the kit's context over this simulator's state, options and budget. */
import type { SimContext as KitSimContext } from '@switchboard/sim-kit';
import type { BudgetKey } from '../faults.js';
import type { ResolvedOptions } from '../options.js';
import type { SimulatorState } from '../state.js';

export type SimContext = KitSimContext<SimulatorState, ResolvedOptions, BudgetKey>;
