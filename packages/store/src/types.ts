/**
 * @module The public shapes of the store. Timestamps are ISO-8601 strings (UTC, millisecond precision);
 * ids are prefixed random ids (`env_…`, `key_…`, `ia_…`, `lt_…`).
 */

export interface Environment {
  id: string;
  name: string;
  created_at: string;
}

export type AccountStatus = 'active' | 'needs_reauth';

/** An integrated account as the API shows it: `connection` holds the non-secret fields only. */
export interface IntegratedAccount {
  id: string;
  environment_id: string;
  integration: string;
  tenant_id: string;
  status: AccountStatus;
  connection: Record<string, string>;
  created_at: string;
  updated_at: string;
}

export interface IntegratedAccountWithSecrets extends IntegratedAccount {
  secrets: Record<string, string>;
}

export interface NewIntegratedAccount {
  integration: string;
  tenantId: string;
  /** Every field the customer supplied; those named in `secretFields` are encrypted, the rest stay readable. */
  connection: Record<string, string>;
  secretFields: string[];
}

export interface AccountPage {
  limit: number;
  /** The id of the last account of the previous page. */
  after?: string;
  integration?: string;
  tenantId?: string;
}

/** A link token as seen by the connect page; the token itself is never stored. */
export interface LinkToken {
  id: string;
  environment_id: string;
  integration: string;
  tenant_id: string;
  redirect_url: string | null;
  expires_at: string;
  created_at: string;
  /** Failed connect-form submissions so far (`recordFailedAttempt`). */
  failed_attempts: number;
}

export interface NewLinkToken {
  integration: string;
  tenantId: string;
  redirectUrl?: string;
  /** Defaults to 1800 (30 minutes). */
  ttlSeconds?: number;
}

import type { TokenStore } from '@switchboard/engine';
import type { ChangeFeedRepository } from './change-feed/types.js';
import type { RekeyReport } from './rekey.js';

export type { TokenSet, TokenStore } from '@switchboard/engine';

export interface EnvironmentRepository {
  create(name: string): Promise<Environment>;
  get(id: string): Promise<Environment | undefined>;
  getByName(name: string): Promise<Environment | undefined>;
}

export interface ApiKeyRepository {
  /** Creates a key like `sb_live_…`; the plain key is returned here only, a SHA-256 hash is stored. */
  create(environmentId: string): Promise<{ id: string; apiKey: string }>;
  /** Registers an operator-chosen key (`SWITCHBOARD_API_KEY`); calling it again with the same key is a no-op. */
  register(environmentId: string, apiKey: string): Promise<{ id: string }>;
  authenticate(apiKey: string): Promise<{ id: string; environmentId: string } | undefined>;
  delete(id: string): Promise<boolean>;
}

/** Every method is scoped to one environment: another environment's ids behave as if they did not exist. */
export interface AccountRepository {
  create(environmentId: string, input: NewIntegratedAccount): Promise<IntegratedAccount>;
  get(environmentId: string, id: string): Promise<IntegratedAccount | undefined>;
  getWithSecrets(environmentId: string, id: string): Promise<IntegratedAccountWithSecrets | undefined>;
  /** Ordered by `created_at`, then `id`. */
  list(environmentId: string, page: AccountPage): Promise<IntegratedAccount[]>;
  /** Replaces the whole connection (secrets included) and marks the account `active` again. */
  updateConnection(
    environmentId: string,
    id: string,
    connection: Record<string, string>,
    secretFields: string[],
  ): Promise<IntegratedAccount | undefined>;
  setStatus(environmentId: string, id: string, status: AccountStatus): Promise<void>;
  /** True for exactly one caller, however many delete the same account at once. */
  delete(environmentId: string, id: string): Promise<boolean>;
}

export interface LinkTokenRepository {
  create(environmentId: string, input: NewLinkToken): Promise<{ token: string; expiresAt: string }>;
  /** The token if it is known, unexpired and unspent. */
  peek(token: string): Promise<LinkToken | undefined>;
  /** Marks the token used by `accountId`; exactly one concurrent caller gets `true`. */
  spend(token: string, accountId: string): Promise<boolean>;
  /** Counts one failed connect submission; the count so far (undefined for an unknown, spent or expired token). */
  recordFailedAttempt(token: string): Promise<number | undefined>;
  /**
   * Counts a connect submission as failed before its credentials are checked, unless `max` are counted already
   * (then `false`); give it back with `releaseAttempt` when the submission succeeds or never reached a check.
   */
  reserveAttempt(token: string, max: number): Promise<boolean>;
  releaseAttempt(token: string): Promise<void>;
  /**
   * Spends the token and creates the account it was issued for, in one transaction: either both happen or
   * neither does. `undefined` when the token is unknown, expired or already spent.
   */
  redeem(
    token: string,
    input: Pick<NewIntegratedAccount, 'connection' | 'secretFields'>,
  ): Promise<IntegratedAccount | undefined>;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Applies pending migrations; safe to call any number of times, from several replicas at once. */
  migrate(): Promise<void>;
  /** Resolves when the database answers; throws `StoreUnavailable` otherwise. */
  ping(): Promise<void>;
  /** Re-seals every stored secret with the current key (see `rekey.ts`). */
  rekey(): Promise<RekeyReport>;
  close(): Promise<void>;
  environments: EnvironmentRepository;
  apiKeys: ApiKeyRepository;
  accounts: AccountRepository;
  linkTokens: LinkTokenRepository;
  /** The engine's token cache, encrypted at rest. */
  tokens: TokenStore;
  /** Sync settings and runs, record versions, events, webhooks and deliveries. */
  changeFeed: ChangeFeedRepository;
}
