/**
 * @module @switchboard/engine — load → validate → compile → execute → map.
 */
export type { CompiledIntegration, ConfigIssue, SourceLocation } from './config/compiled-integration.js';
export { type FormatOptions, formatConfigIssues } from './config/format-issues.js';
export {
  checkIntegrationFile,
  checkIntegrationSource,
  duplicateNameIssues,
  hasConfigIssues,
  type IntegrationCheck,
  loadIntegrationDirectory,
  loadIntegrationFile,
  loadIntegrationSource,
} from './config/load-integration.js';
export { type CursorCodec, type CursorPayload, createCursorCodec } from './cursor/cursor-codec.js';
export type { FanOutPosition, ListPosition, PageSkip } from './cursor/list-position.js';
export { type QueryIdentity, queryBinding } from './cursor/query-binding.js';
export * from './errors.js';
export { MemoryTokenStore } from './http/auth/memory-token-store.js';
export { createHttpRuntime, DEFAULT_MAX_RESPONSE_BYTES } from './http/create-http-runtime.js';
export type { HttpRuntime, HttpRuntimeOptions } from './http/http-runtime.js';
export { findLink, type LinkValue, parseLinkHeader } from './http/pagination/link-header.js';
export { FIRST_PAGE, type Page, type PaginateInput, paginate } from './http/pagination/paginate.js';
export { createStrategy, paginationStrategies } from './http/pagination/strategies.js';
export type {
  PagePosition,
  PageState,
  PaginationStrategy,
  StrategyContext,
} from './http/pagination/strategy.js';
export type { BudgetPolicy, RateBudget } from './http/rate-budget.js';
export { MemoryRateBudget } from './http/rate-limit/memory-rate-budget.js';
export type { RefreshLock, TokenSet, TokenStore } from './http/token-store.js';
export { type ByteSpan, upstreamBytes } from './http/transport/raw-json.js';
export { RawRecord } from './http/transport/records-as-bytes.js';
export type {
  AccountContext,
  AccountSession,
  RateLimitInfo,
  SendOptions,
  StreamedResponse,
  UpstreamRequest,
  UpstreamResponse,
} from './http/upstream.js';
export type { UpstreamOverride, UpstreamOverrideSetting } from './http/url/upstream-origins.js';
export { type MappedError, mapRemoteError, type RemoteError } from './mapping/error-mapping.js';
export {
  asInterpreted,
  type CompiledExpression,
  compileExpression,
  DEFAULT_GUARDRAILS,
  type ExpressionMode,
  type ExpressionSyntaxError,
  type Guardrails,
} from './mapping/expression.js';
export { expressionInventory, type InventoryEntry } from './mapping/expression-inventory.js';
export { type MappingSite, mappingFailure } from './mapping/mapping-failure.js';
export { type QueryParams, toQueryParams } from './mapping/query-params.js';
export {
  createRecordMapper,
  type MappingBindings,
  type RecordMapper,
  type RecordMapperOptions,
} from './mapping/record-mapper.js';
export { basicCredentials, REDACTED, Redactor, type RedactorOptions } from './redaction/redactor.js';
export type * from './run/contract.js';
export { createEngine } from './run/create-engine.js';
export { checkPassthroughPath } from './run/passthrough-path.js';
export { Trace, type TraceEntry } from './trace.js';
