/**
 * @module How an integrated account is written and read: the connection is split by `secretFields` into
 * readable fields and one sealed secrets blob, bound to its environment and account id.
 * Shared by the accounts repository and link-token redemption, which inserts inside a transaction.
 */
import type { Selectable } from 'kysely';
import type { Cipher } from './cipher.js';
import { EnvironmentNotFound, InvalidArgument } from './errors.js';
import { isForeignKeyViolation } from './foreign-key.js';
import { prefixedId } from './prefixed-id.js';
import type { Db, IntegratedAccountsTable } from './tables.js';
import type { AccountStatus, IntegratedAccount, NewIntegratedAccount } from './types.js';

/** Every column but `secrets`: reads that do not need credentials never fetch them. */
export const PUBLIC_COLUMNS = [
  'id',
  'environment_id',
  'integration',
  'tenant_id',
  'status',
  'connection',
  'created_at',
  'updated_at',
] as const;

export type PublicRow = Omit<Selectable<IntegratedAccountsTable>, 'secrets'>;

export function secretsContext(environmentId: string, accountId: string): string {
  return `integrated_account:${environmentId}:${accountId}`;
}

export function describeSecrets(accountId: string): string {
  return `the credentials of integrated account ${accountId}`;
}

export function splitConnection(
  connection: Record<string, string>,
  secretFields: readonly string[],
): { visible: Record<string, string>; secrets: Record<string, string> } {
  const secretNames = new Set(secretFields);
  const visible: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(connection)) {
    if (typeof value !== 'string') throw new InvalidArgument(`connection field "${name}" must be a string`);
    (secretNames.has(name) ? secrets : visible)[name] = value;
  }
  return { visible, secrets };
}

export function toAccount(row: PublicRow): IntegratedAccount {
  return {
    id: row.id,
    environment_id: row.environment_id,
    integration: row.integration,
    tenant_id: row.tenant_id,
    status: row.status as AccountStatus,
    connection: JSON.parse(row.connection) as Record<string, string>,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export interface AccountIdentity {
  id: string;
  now: Date;
}

/** The id and creation time of an account about to be inserted, for callers that need the id first. */
export function newAccountIdentity(): AccountIdentity {
  const now = new Date();
  return { id: prefixedId('ia', now), now };
}

/** Inserts a new active account; `db` may be a transaction. */
export async function insertAccount(
  db: Db,
  cipher: Cipher,
  environmentId: string,
  input: NewIntegratedAccount,
  { id, now }: AccountIdentity = newAccountIdentity(),
): Promise<IntegratedAccount> {
  const { visible, secrets } = splitConnection(input.connection, input.secretFields);
  try {
    const row = await db
      .insertInto('integrated_accounts')
      .values({
        id,
        environment_id: environmentId,
        integration: input.integration,
        tenant_id: input.tenantId,
        status: 'active',
        connection: JSON.stringify(visible),
        secrets: cipher.seal(JSON.stringify(secrets), secretsContext(environmentId, id)),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning(PUBLIC_COLUMNS)
      .executeTakeFirstOrThrow();
    return toAccount(row);
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new EnvironmentNotFound(environmentId, { cause: error });
    throw error;
  }
}
