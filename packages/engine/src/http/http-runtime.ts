/**
 * @module The contract of the network layer as `run/` uses it. Implemented by `createHttpRuntime` in
 * `http/create-http-runtime.ts`.
 */
import type { CompiledIntegration } from '../config/compiled-integration.js';
import type { EngineLogger } from '../run/contract.js';
import type { RateBudget } from './rate-budget.js';
import type { RefreshLock, TokenStore } from './token-store.js';
import type { AccountContext, AccountSession, RateLimitInfo } from './upstream.js';
import type { UpstreamOverrideSetting } from './url/upstream-origins.js';

export interface HttpRuntimeOptions {
  tokenStore?: TokenStore;
  refreshLock?: RefreshLock;
  rateBudget?: RateBudget;
  /**
   * Integration name → where its declared origins really go (operator setting): a URL for every origin
   * (`SWITCHBOARD_UPSTREAM_<NAME>`), or `{ all?, auth? }` where `auth` redirects only the absolute auth URLs
   * (`SWITCHBOARD_UPSTREAM_<NAME>_AUTH`). Paths are kept.
   */
  upstreamOverrides?: Record<string, UpstreamOverrideSetting>;
  /** Integration name → `off` or a replacement budget (operator setting). */
  rateLimitOverrides?: Record<string, 'off' | { limit: number; windowMs: number }>;
  clock?: () => number;
  /** Injectable for tests so backoff does not really wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  logger?: EngineLogger;
  maxResponseBytes?: number;
}

export interface HttpRuntime {
  /**
   * A session for one account of one integration; shares pools, tokens and budgets. The same session comes back
   * for later calls while the account's connection values are unchanged (at most a minute: `SessionCache`).
   */
  session(integration: CompiledIntegration, account: AccountContext): AccountSession;
  /**
   * Fetches a fresh token where the auth type has one, then runs `auth.verify`; throws `InvalidCredentials`.
   * The token is not kept: verifying never writes to the token store.
   */
  verify(integration: CompiledIntegration, account: AccountContext): Promise<void>;
  /** Runs `auth.revoke` where declared and drops the cached token. */
  revoke(integration: CompiledIntegration, account: AccountContext): Promise<void>;
  /** The rate-limit state the account's upstream last reported (any call, failed ones included), if any. */
  rateLimit(integration: CompiledIntegration, accountId: string): RateLimitInfo | undefined;
  /** Closes every connection pool. */
  close(): Promise<void>;
}
