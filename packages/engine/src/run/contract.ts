/**
 * @module The engine's public operations. `apps/api`, the CLI and the test kit call these and nothing deeper.
 */
import type { HttpMethod } from '@switchboard/schema';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import type { RateBudget } from '../http/rate-budget.js';
import type { RefreshLock, TokenStore } from '../http/token-store.js';
import type { AccountContext, RateLimitInfo, StreamedResponse } from '../http/upstream.js';
import type { UpstreamOverrideSetting } from '../http/url/upstream-origins.js';
import type { TraceEntry } from '../trace.js';

export type ResponseFormat = 'unified' | 'raw' | 'debug';

/** Minimal structured logger (pino-compatible). Never given a secret. */
export interface EngineLogger {
  warn(object: Record<string, unknown>, message: string): void;
  debug(object: Record<string, unknown>, message: string): void;
  /** pino's: when present and false for `debug`, the per-request debug line is not even built. */
  isLevelEnabled?(level: string): boolean;
}

export interface EngineOptions {
  integrations: CompiledIntegration[];
  /** Signs unified cursors (HMAC-SHA256). At least 32 bytes. */
  cursorSecret: string | Uint8Array;
  tokenStore?: TokenStore;
  refreshLock?: RefreshLock;
  rateBudget?: RateBudget;
  /**
   * Operator-only redirects by integration name: a URL for every declared origin (`SWITCHBOARD_UPSTREAM_<NAME>`),
   * or `{ all?, auth? }` where `auth` redirects only absolute auth URLs (`SWITCHBOARD_UPSTREAM_<NAME>_AUTH`).
   */
  upstreamOverrides?: Record<string, UpstreamOverrideSetting>;
  /** Operator-only budget overrides by integration name (`SWITCHBOARD_RATE_LIMIT_<NAME>`): `off` or a budget. */
  rateLimitOverrides?: Record<string, 'off' | { limit: number; windowMs: number }>;
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
  /**
   * How the engine waits (backoff, Retry-After, rate budgets). With `clock`, a virtual time: offline replay
   * advances the clock instead of really waiting.
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  logger?: EngineLogger;
  /** Largest upstream body accepted, in bytes (default 20 MiB). */
  maxResponseBytes?: number;
}

interface OperationInput {
  integration: string;
  account: AccountContext;
  /** Unified model, e.g. `user-directory`. */
  model: string;
  /** Unified resource, e.g. `users`. */
  resource: string;
  /** Include `remote_data` on each record (default true). */
  remoteData?: boolean;
  format?: ResponseFormat;
  signal?: AbortSignal;
}

export interface ListInput extends OperationInput {
  limit?: number;
  cursor?: string;
  /** Unified filters, e.g. `{ email: 'a@b.c', 'updated_at[gte]': '2026-01-01T00:00:00Z' }`. */
  filters?: Record<string, string>;
  /** Forwarded to the upstream untouched. */
  remoteQuery?: Record<string, string>;
  /** Enrichments to run (`enrich:` names, e.g. `['groups', 'roles']`); an unknown one is `InvalidInput`. */
  expand?: string[];
}

export interface GetInput extends OperationInput {
  id: string;
  /** As on lists. */
  expand?: string[];
}
export interface CreateInput extends OperationInput {
  body: Record<string, unknown>;
}
export interface UpdateInput extends OperationInput {
  id: string;
  body: Record<string, unknown>;
}
export type DeleteInput = GetInput;

interface Extras {
  /** With `format: 'raw'`: the upstream bodies, in order. */
  raw?: unknown[];
  /** With `format: 'debug'`: every upstream exchange and page. */
  trace?: TraceEntry[];
  rateLimit?: RateLimitInfo;
}

export interface ListResult extends Extras {
  result: Record<string, unknown>[];
  next_cursor: string | null;
  result_count: number;
}

export interface RecordResult extends Extras {
  record: Record<string, unknown>;
}

export interface ProxyInput {
  integration: string;
  account: AccountContext;
  resource: string;
  id?: string;
  method: HttpMethod;
  query?: Record<string, string>;
  body?: unknown;
  limit?: number;
  cursor?: string;
  format?: ResponseFormat;
  signal?: AbortSignal;
  /**
   * A list's items are only written out as the upstream's bytes (`upstreamBytes`), never read: they may then come
   * back as `RawRecord`s (a span of the page, serialising to the item) instead of parsed values, which saves
   * parsing them. Default false.
   */
  itemsAsBytes?: boolean;
}

export type ProxyResult =
  | (Extras & { kind: 'list'; result: unknown[]; next_cursor: string | null; result_count: number })
  | (Extras & { kind: 'single'; status: number; body: unknown });

export interface PassthroughInput {
  integration: string;
  account: AccountContext;
  method: HttpMethod;
  /** The raw path under the base URL; refused unless it stays under it. */
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  signal?: AbortSignal;
}

/**
 * What an integration (and so an account of it) supports, per unified model and resource: its methods, the
 * filters its list applies, and the fields `expand` can ask for (enrichments that cost extra upstream calls).
 */
export type Capabilities = Record<
  string,
  Record<string, { methods: string[]; filters: string[]; expand: string[] }>
>;

export interface Engine {
  integrations(): CompiledIntegration[];
  /** Throws `UnknownIntegration`. */
  integration(name: string): CompiledIntegration;
  capabilities(integration: string): Capabilities;
  /** Checks connection values against the declared fields (throws `InvalidInput` listing every problem). */
  checkConnection(integration: string, connection: Record<string, unknown>): Record<string, string>;
  /** Proves the credentials work (token + `auth.verify`); throws `InvalidCredentials` with the upstream reason. */
  verify(integration: string, account: AccountContext): Promise<void>;
  /** Revokes upstream tokens where declared and forgets cached ones. */
  revoke(integration: string, account: AccountContext): Promise<void>;
  list(input: ListInput): Promise<ListResult>;
  get(input: GetInput): Promise<RecordResult>;
  create(input: CreateInput): Promise<RecordResult>;
  update(input: UpdateInput): Promise<RecordResult>;
  delete(input: DeleteInput): Promise<RecordResult>;
  proxy(input: ProxyInput): Promise<ProxyResult>;
  /**
   * Whether `proxy` with this resource, method and id answers the list envelope, paged by `limit` and `cursor` (a
   * list, or a get declaring `pagination:`); for any other call those are not the engine's. Throws
   * `UnknownIntegration`; false for a resource or method the integration does not declare.
   */
  proxyPaged(integration: string, call: { resource: string; method: HttpMethod; id?: string }): boolean;
  passthrough(input: PassthroughInput): Promise<StreamedResponse>;
  /**
   * The rate-limit state the account's upstream last reported, on any call (failed ones included), as results
   * carry it in `rateLimit`; undefined until the upstream sent rate-limit headers. Read from memory, no call.
   */
  rateLimit(integration: string, accountId: string): RateLimitInfo | undefined;
  close(): Promise<void>;
}
