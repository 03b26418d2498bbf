/**
 * @module @switchboard/sim-onelogin — a OneLogin API simulator (v1 and v2, tokens, pagination, rate limits,
 * fault injection) for the demo, tests and benchmarks.
 */

export type { Directory } from './data/directory.js';
export type {
  AppRecord,
  EventRecord,
  EventTypeRecord,
  GroupRecord,
  RoleRecord,
  UserRecord,
} from './data/records.js';
export { SimulatorError, SimulatorErrorCode } from './errors.js';
export type { BudgetKey } from './faults/onelogin-faults.js';
export type { SimulatorOptions } from './options.js';
export { ACCOUNT_ID as SIMULATOR_ACCOUNT_ID, DEFAULTS as SIMULATOR_DEFAULTS } from './options.js';
export { buildSimulator, type Simulator } from './simulator.js';
export { type SimulatorCounters, SimulatorState } from './state.js';
