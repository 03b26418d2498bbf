/**
 * @module @switchboard/engine — load → validate → compile → execute → map.
 */
export type { CompiledIntegration, ConfigIssue, SourceLocation } from './config/compiled-integration.js';
export * from './errors.js';
export type { BudgetPolicy, RateBudget } from './http/rate-budget.js';
export type { RefreshLock, TokenSet, TokenStore } from './http/token-store.js';
export type { AccountContext, RateLimitInfo, StreamedResponse } from './http/upstream.js';
export {
  type CompiledExpression,
  compileExpression,
  DEFAULT_GUARDRAILS,
  type Guardrails,
} from './mapping/expression.js';
export type * from './run/contract.js';
export { Trace, type TraceEntry } from './trace.js';
