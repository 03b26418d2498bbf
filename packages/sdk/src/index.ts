/**
 * @module @switchboard/sdk — a typed client of the Switchboard hosted API. No runtime dependencies.
 */

// Errors
export {
  type RemoteError,
  SDK_ERROR_CODES,
  type SdkErrorCode,
  SwitchboardApiError,
  SwitchboardConnectionError,
  type SwitchboardErrorCode,
  SwitchboardSdkError,
  SwitchboardUsageError,
} from './errors.js';
// Lists
export type { ListEnvelope, ListPage } from './list-page.js';
// Unified models: records, write bodies, filters and enums, generated from the schema package's JSON Schema
export * from './models.js';
export type { QueryParams, QueryValue } from './query-string.js';
export type { RateLimit } from './rate-limit.js';
// Areas of the API
export type { Admin, CreatedApiKey, Environment } from './resources/admin.js';
export type {
  ChangeEvent,
  EventListParams,
  Events,
  EventType,
  Sync,
  SyncMode,
  SyncResource,
  SyncRun,
  SyncSettings,
  Webhook,
  WebhookCreate,
  WebhookDelivery,
  Webhooks,
} from './resources/change-feed.js';
export type {
  AccountCapabilities,
  IntegratedAccount,
  IntegratedAccountCreate,
  IntegratedAccountStatus,
  IntegratedAccounts,
  IntegratedAccountUpdate,
  PageParams,
} from './resources/integrated-accounts.js';
export type { ConnectionField, Integration, Integrations } from './resources/integrations.js';
export type { LinkToken, LinkTokenCreate, LinkTokens } from './resources/link-tokens.js';
export type { PassthroughParams } from './resources/passthrough.js';
export type { ProxyApi, ProxyListParams, ProxyRequestParams } from './resources/proxy.js';
export type {
  AccountScope,
  UnifiedIterateParams,
  UnifiedListParams,
  UnifiedResource,
} from './resources/unified-resource.js';
export type {
  ActivitiesResource,
  GroupsResource,
  NoFilters,
  RoleAssignmentsResource,
  RolesResource,
  UserDirectory,
  UsersResource,
} from './resources/user-directory.js';
// Client
export { DEFAULT_BASE_URL, Switchboard, type SwitchboardOptions } from './switchboard.js';
export type { FetchLike, HttpMethod } from './transport.js';
export { verifyWebhook, type WebhookHeaders } from './verify-webhook.js';
