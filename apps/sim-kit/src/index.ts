/**
 * @module @switchboard/sim-kit — what every Switchboard provider simulator shares: seeded data helpers, the
 * token store, the rate-limit window, fault injection and its `/__sim/` control routes, the request guard,
 * paging helpers, the Fastify app and the command line. Provider dialects (envelopes, error bodies, header
 * names) stay in each simulator.
 */

export { type TokenRecord, TokenStore, tokenRecord } from './auth/token-store.js';
export {
  type CliConfig,
  type CliSpec,
  COMMON_FLAGS,
  type FlagTable,
  parseSimulatorArgs,
} from './cli/cli-args.js';
export { type CliRun, type RunnableSimulator, runSimulatorCli } from './cli/run-cli.js';
export { type SimClock, startClock } from './clock/sim-clock.js';
export { FIRST_NAMES, LAST_NAMES, type PooledName } from './data/person-names.js';
export { createRandom, type Random } from './data/random.js';
export { hasId, insertId, removeId } from './data/sorted-ids.js';
export { lowerBound, type RecordId, SortedTable, upperBound } from './data/sorted-table.js';
export { iso, parseTime } from './data/timestamp.js';
export {
  argsInvalid,
  faultsInvalid,
  optionsInvalid,
  SimulatorError,
  SimulatorErrorCode,
  type SimulatorErrorOptions,
} from './errors.js';
export { type FaultControl, Faults } from './faults/fault-control.js';
export {
  type CommonFaultSettings,
  type CommonFaultSnapshot,
  type FaultSettings,
  type FaultSnapshot,
  parseFaultSettings,
} from './faults/fault-settings.js';
export { type Access, OPEN_RESOURCE, RESOURCE, TOKEN_ONLY } from './http/access.js';
export { type CallCounters, countCall, zeroCallCounters } from './http/call-counters.js';
export { type ControlDeps, registerControlRoutes } from './http/control-routes.js';
export { type FallbackDialect, registerFallbackHandlers } from './http/fallback-handlers.js';
export {
  bodyOf,
  isPlainObject,
  mediaTypeOf,
  parseRequestBody,
  type RequestBody,
} from './http/request-body.js';
export { type GuardDeps, type GuardDialect, registerRequestGuard } from './http/request-guard.js';
export { pathOf } from './http/request-path.js';
export { createSimApp, listenOn, type SimAppOptions } from './http/sim-app.js';
export type { SimContext } from './http/sim-context.js';
export { exhaustedReading, type RateLimitReading, RateLimitWindow } from './limits/rate-limit-window.js';
export { type KeysetPage, keysetPage } from './paging/keyset-page.js';
export { type Link, linkHeader, linkValues } from './paging/link-header.js';
export { type PageSizeRule, readLimit } from './paging/page-size.js';
export { linkTo, originOf, type QueryMap, queryOf } from './paging/query.js';
export type { Simulator } from './simulator.js';
