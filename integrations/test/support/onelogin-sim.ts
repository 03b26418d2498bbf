/**
 * @module Test support: the real OneLogin simulator on a free port, the real engine pointed at it with the real
 * `onelogin.yaml`, and small readers that page a list to the end the way an API client would.
 */
import type { AccountContext, Engine } from '@switchboard/engine';
import { buildSimulator, type Simulator, type SimulatorOptions } from '@switchboard/sim-onelogin';
import {
  type EngineHarness,
  type ListRequest,
  type ReadAll,
  readAllPages,
  startEngineHarness,
} from './engine-harness.js';

export { idsOf, type ListRequest, MODEL, type ReadAll } from './engine-harness.js';

// A runaway cursor must fail the test, not hang it.
const MAX_CALLS = 2000;

export type OneLoginHarness = EngineHarness<Simulator>;

let accounts = 0;

/** A linked account; each gets its own id so token caches and budgets never leak between tests. */
export function oneloginAccount(): AccountContext {
  accounts += 1;
  return {
    id: `acct-e2e-${accounts}`,
    connection: { subdomain: 'acme', client_id: 'sim-client-id', client_secret: 'sim-client-secret' },
  };
}

export async function startOneLogin(options: SimulatorOptions): Promise<OneLoginHarness> {
  return startEngineHarness('onelogin', await buildSimulator(options), oneloginAccount());
}

/** Follows `next_cursor` to the end and returns every record, in order. */
export function readAll(engine: Engine, account: AccountContext, request: ListRequest): Promise<ReadAll> {
  return readAllPages(engine, 'onelogin', account, request, MAX_CALLS);
}

/** What the tests read of a Switchboard error (the errors package is not a dependency here). */
export interface CodedError extends Error {
  code: string;
  details: Record<string, unknown>;
}

function isCoded(error: unknown): error is CodedError {
  return (
    error instanceof Error &&
    typeof (error as Partial<CodedError>).code === 'string' &&
    typeof (error as Partial<CodedError>).details === 'object'
  );
}

/** The error a promise rejects with, which must be a coded Switchboard error. */
export async function switchboardError(promise: Promise<unknown>): Promise<CodedError> {
  try {
    await promise;
  } catch (error) {
    if (isCoded(error)) return error;
    throw error;
  }
  throw new Error('expected the operation to fail, it succeeded');
}

/** The upstream status carried by an engine error (`details.remote.status`). */
export function remoteStatus(error: CodedError): number | undefined {
  return (error.details['remote'] as { status?: number } | undefined)?.status;
}

/** ISO form of a simulator timestamp (epoch ms), as the simulator puts it on the wire. */
export const iso = (ms: number): string => new Date(ms).toISOString();
