/**
 * @module The interface every auth type implements (one file per `auth.type`, looked up in `strategies.ts`),
 * and the context a strategy works in.
 */
import type { HttpMethod } from '@switchboard/schema';
import type { CompiledIntegration } from '../../config/compiled-integration.js';
import type { Redactor } from '../../redaction/redactor.js';
import type { TokenSet } from '../token-store.js';
import type { AccountContext } from '../upstream.js';
import type { UpstreamOrigins } from '../url/upstream-origins.js';
import type { TokenCache } from './token-cache.js';

/** A request Switchboard makes for itself (token, verify, revoke), answered whatever its status. */
export interface AuxiliaryCall {
  label: string;
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  idempotent: boolean;
}

export interface AuxiliaryAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** Set when the upstream kept answering 429: epoch ms at which it may accept calls again. */
  retryAt?: number;
}

export interface AuthContext {
  integration: CompiledIntegration;
  account: AccountContext;
  /** `${integration}:${account.id}`: the token cache key. */
  accountKey: string;
  base: URL;
  /** Declared origins and their redirects: auth URLs are resolved through `origins.authUrl`. */
  origins: UpstreamOrigins;
  /** Every secret a strategy handles or obtains is registered here before it can reach a trace or error. */
  redactor: Redactor;
  tokens: TokenCache;
  clock: () => number;
  /** Sends a request without credentials and without the rate budget; retried like any request. */
  call(request: AuxiliaryCall): Promise<AuxiliaryAnswer>;
}

/** What `apply` put on a request, handed back to `refresh` after a 401. */
export interface AppliedCredential {
  accessToken?: string;
}

/** An outgoing request a strategy may add headers or query parameters to. */
export interface Authorizable {
  url: URL;
  headers: Record<string, string>;
}

export interface AuthStrategy {
  /** Header / query parameter names that carry the credential (lower case): redacted and never passed through. */
  readonly credentialNames: readonly string[];
  apply(request: Authorizable, context: AuthContext): Promise<AppliedCredential>;
  /** Present when the type can recover from a 401 by obtaining a new credential. */
  refresh?(context: AuthContext, rejected: AppliedCredential): Promise<void>;
  /** Present for token-based types: the current token, or a newly requested one when `fresh`. */
  token?(context: AuthContext, fresh: boolean): Promise<TokenSet>;
}

export function connectionScope(context: AuthContext): { connection: Readonly<Record<string, string>> } {
  return { connection: context.account.connection };
}
