/**
 * @module @switchboard/sim-okta — an Okta management API simulator (SSWS token, Link paging, rate-limit
 * headers, error envelope, users and their lifecycle, groups, admin roles, System Log, fault injection) for
 * the demo, tests and benchmarks. Built on @switchboard/sim-kit.
 */

export { SimulatorError, SimulatorErrorCode } from '@switchboard/sim-kit';
export { ROLE_LABELS } from './data/admin-roles.js';
export type { Directory } from './data/directory.js';
export type {
  GroupRecord,
  LogEventRecord,
  RoleAssignmentRecord,
  UserRecord,
  UserStatus,
} from './data/records.js';
export type { BudgetKey } from './faults.js';
export { DEFAULTS as SIMULATOR_DEFAULTS, type SimulatorOptions } from './options.js';
export { buildSimulator, type Simulator } from './simulator.js';
export { type SimulatorCounters, SimulatorState } from './state.js';
