/**
 * @module @switchboard/sim-entra — a Microsoft Entra ID simulator (Microsoft Graph v1.0 and the
 * client-credentials token endpoint: OData paging and query options, throttling, error bodies, fault
 * injection) for the demo, tests and benchmarks.
 */

export type {
  DirectoryAuditRecord,
  GroupRecord,
  RoleAssignmentRecord,
  RoleDefinitionRecord,
  SignInRecord,
  UserRecord,
} from './data/records.js';
export { BUILT_IN_ROLES, GLOBAL_ADMINISTRATOR } from './data/role-templates.js';
export { SEEDED_CASES } from './data/seed-users.js';
export type { Tenant } from './data/tenant.js';
export {
  type BudgetKey,
  DEFAULTS as SIMULATOR_DEFAULTS,
  type EntraFaultSettings,
  type SimulatorOptions,
} from './options.js';
export { GRAPH_DEFAULT_SCOPE } from './routes/token-route.js';
export { BUDGET_KEY, buildSimulator, type Simulator } from './simulator.js';
export { type SimulatorCounters, SimulatorState } from './state.js';
