/**
 * @module The database as kysely sees it. Column types are deliberately plain (`text`) so one schema and
 * one set of queries serve SQLite and Postgres alike; timestamps are ISO-8601 UTC strings, which sort
 * chronologically as text.
 */
import type { Generated, Kysely } from 'kysely';
import type { ChangeFeedTables } from './change-feed/tables.js';

export interface EnvironmentsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  environment_id: string;
  /** Hex SHA-256 of the key; the key itself is never stored. */
  key_hash: string;
  created_at: string;
}

export interface IntegratedAccountsTable {
  id: string;
  environment_id: string;
  integration: string;
  tenant_id: string;
  status: string;
  /** JSON of the non-secret connection fields. */
  connection: string;
  /** The secret connection fields as one AES-256-GCM ciphertext (see cipher.ts). */
  secrets: string;
  created_at: string;
  updated_at: string;
}

export interface LinkTokensTable {
  id: string;
  token_hash: string;
  environment_id: string;
  integration: string;
  tenant_id: string;
  redirect_url: string | null;
  expires_at: string;
  spent_at: string | null;
  account_id: string | null;
  created_at: string;
  /** Failed connect-form submissions (migration 0004). */
  failed_attempts: Generated<number>;
}

export interface TokenCacheTable {
  key: string;
  /** The whole TokenSet as one AES-256-GCM ciphertext. */
  token: string;
  updated_at: string;
}

export interface Tables extends ChangeFeedTables {
  environments: EnvironmentsTable;
  api_keys: ApiKeysTable;
  integrated_accounts: IntegratedAccountsTable;
  link_tokens: LinkTokensTable;
  token_cache: TokenCacheTable;
}

export type Db = Kysely<Tables>;
