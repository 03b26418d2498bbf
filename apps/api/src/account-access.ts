/**
 * @module Loads the integrated account a request names, scoped to the caller's environment (another
 * environment's id answers 404 exactly like a missing one), and keeps its `status` truthful: an upstream that
 * rejects the stored credentials flags it `needs_reauth`; a later success clears the flag.
 */

import type { AccountContext } from '@switchboard/engine';
import { isSwitchboardError } from '@switchboard/errors';
import type { IntegratedAccountWithSecrets, Store } from '@switchboard/store';
import type { FastifyBaseLogger } from 'fastify';
import { accountGateOf } from './account-gate.js';
import { NotFound } from './errors.js';
import type { Caller } from './request-context.js';

/** The account with its secrets, or `NotFound`. */
export async function loadAccount(
  store: Store,
  caller: Caller,
  id: string,
): Promise<IntegratedAccountWithSecrets> {
  const account = await store.accounts.getWithSecrets(caller.environmentId, id);
  if (account === undefined) throw new NotFound('integrated account');
  return account;
}

/** What the engine needs: the id and every connection value, secrets included. */
export function accountContext(account: IntegratedAccountWithSecrets): AccountContext {
  return { id: account.id, connection: { ...account.connection, ...account.secrets } };
}

/** True when the upstream refuses the stored credentials (after the engine's own refresh attempt). */
export function isReauthError(error: unknown): boolean {
  if (!isSwitchboardError(error)) return false;
  if (error.code === 'SB_ERR_AUTH_NEEDS_REAUTH') return true;
  const remote = error.details['remote'] as { status?: unknown } | undefined;
  return error.code === 'SB_ERR_HTTP_UPSTREAM_STATUS' && remote?.status === 401;
}

export interface AccountCallDeps {
  store: Store;
  log: FastifyBaseLogger;
  /** Runs once the call has ended, answered or failed (e.g. to pass the upstream's rate-limit state on). */
  afterCall?: (account: IntegratedAccountWithSecrets) => void;
}

/**
 * Runs `call` for the account `id` of the caller's environment, updating its status from the outcome.
 *
 * @example
 * const page = await withAccount(deps, caller, id, (account, context) => engine.list({ ..., account: context }));
 */
export async function withAccount<T>(
  deps: AccountCallDeps,
  caller: Caller,
  id: string,
  call: (account: IntegratedAccountWithSecrets, context: AccountContext) => Promise<T>,
): Promise<T> {
  // Inside the gate: a delete or credential change waits for this call, and this call for it (see account-gate).
  return accountGateOf(deps.store).read(id, async () => {
    const account = await loadAccount(deps.store, caller, id);
    try {
      const result = await call(account, accountContext(account));
      if (account.status === 'needs_reauth') await setStatus(deps, caller, id, 'active');
      return result;
    } catch (error) {
      if (isReauthError(error) && account.status !== 'needs_reauth') {
        await setStatus(deps, caller, id, 'needs_reauth');
      }
      throw error;
    } finally {
      deps.afterCall?.(account);
    }
  });
}

async function setStatus(
  deps: AccountCallDeps,
  caller: Caller,
  id: string,
  status: 'active' | 'needs_reauth',
): Promise<void> {
  try {
    await deps.store.accounts.setStatus(caller.environmentId, id, status);
  } catch (error) {
    // The answer to the caller matters more than the flag; the next call sets it again.
    deps.log.warn({ err: error, integrated_account_id: id, status }, 'could not update account status');
  }
}
