/**
 * @module Test support: the real Okta simulator on a free port, the real engine pointed at it with the real
 * `okta.yaml`, and a reader that pages a unified list to the end the way an API client would.
 */
import type { AccountContext, Engine } from '@switchboard/engine';
import { buildSimulator, type Simulator, type SimulatorOptions } from '@switchboard/sim-okta';
import {
  type EngineHarness,
  type ListRequest,
  type ReadAll,
  readAllPages,
  startEngineHarness,
} from '../support/engine-harness.js';

export { idsOf, type ListRequest, MODEL } from '../support/engine-harness.js';

// A runaway cursor must fail the test, not hang it (a role-assignment listing pages through every user).
const MAX_CALLS = 3000;

export const API_TOKEN = 'sim-okta-api-token';

export type OktaHarness = EngineHarness<Simulator>;

let accounts = 0;

/** A linked account; each gets its own id so budgets never leak between tests. */
export function oktaAccount(apiToken = API_TOKEN): AccountContext {
  accounts += 1;
  return { id: `acct-okta-e2e-${accounts}`, connection: { domain: 'acme.okta.com', api_token: apiToken } };
}

export async function startOkta(options: SimulatorOptions): Promise<OktaHarness> {
  // Unlimited by default: a role-assignment listing makes one call per user.
  return startEngineHarness(
    'okta',
    await buildSimulator({ rateLimitPerMinute: 0, ...options }),
    oktaAccount(),
  );
}

/** Follows `next_cursor` to the end and returns every record, in order, and the number of unified pages. */
export function readAll(engine: Engine, account: AccountContext, request: ListRequest): Promise<ReadAll> {
  return readAllPages(engine, 'okta', account, request, MAX_CALLS);
}

export const withoutRemote = ({ remote_data: _, ...rest }: Record<string, unknown>) => rest;

/** What the tests read of a Switchboard error (the errors package is not a dependency here). */
export interface CodedError extends Error {
  code: string;
  details: Record<string, unknown>;
}

/** The error a promise rejects with, which must be a coded Switchboard error. */
export async function switchboardError(promise: Promise<unknown>): Promise<CodedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error && typeof (error as Partial<CodedError>).code === 'string') {
      return error as CodedError;
    }
    throw error;
  }
  throw new Error('expected the operation to fail, it succeeded');
}

/** The upstream status carried by an engine error (`details.remote.status`). */
export function remoteStatus(error: CodedError): number | undefined {
  return (error.details['remote'] as { status?: number } | undefined)?.status;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
