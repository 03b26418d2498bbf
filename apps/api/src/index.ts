/**
 * @module @switchboard/api — the hosted Unified, Proxy and Passthrough APIs over the engine and the store.
 */
export { type BuildOptions, build } from './app.js';
export { accountSources } from './change-feed/account-source.js';
export { deriveCursorSecret } from './cursor-secret.js';
export { type DemoHandle, type StartDemoOptions, startDemo } from './demo.js';
export { ERROR_STATUS, statusOf } from './error-status.js';
export {
  ApiRateLimited,
  BadRequest,
  Internal,
  InvalidJson,
  JsonTooDeep,
  NotFound,
  PayloadTooLarge,
  SettingsInvalid,
  Unauthorized,
  UnsupportedMediaType,
  ValidationFailed,
} from './errors.js';
export { loggerOptions } from './logger.js';
// createMcpServer is `@switchboard/api/mcp`: the MCP SDK is a large share of start-up, and only MCP needs it.
export { type McpTool, type ToolAccess, toolCatalog } from './mcp/tool-catalog.js';
export type { ToolErrorBody } from './mcp/tool-result.js';
export type { ListArguments, ListPage, UnifiedBackend, UnifiedCapabilities } from './mcp/unified-backend.js';
export {
  DEFAULT_INTEGRATIONS_DIR,
  type ServerHandle,
  type StartServerOptions,
  startServer,
} from './server.js';
export { type Budget, parseSettings, type Settings } from './settings.js';
