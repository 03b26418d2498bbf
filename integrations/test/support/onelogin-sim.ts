/**
 * @module Test support: the real OneLogin simulator on a free port, the real engine pointed at it with the real
 * `onelogin.yaml`, and small readers that page a list to the end the way an API client would.
 */
import { fileURLToPath } from 'node:url';
import {
  type AccountContext,
  createEngine,
  type Engine,
  type ListInput,
  loadIntegrationFile,
} from '@switchboard/engine';
import { buildSimulator, type Simulator, type SimulatorOptions } from '@switchboard/sim-onelogin';

const ONELOGIN_YAML = fileURLToPath(new URL('../../onelogin.yaml', import.meta.url));
const CURSOR_SECRET = 'onelogin-e2e-cursor-secret-0123456789abcdef';
// A runaway cursor must fail the test, not hang it.
const MAX_CALLS = 2000;

export const MODEL = 'user-directory';

export interface OneLoginHarness {
  sim: Simulator;
  simUrl: string;
  engine: Engine;
  account: AccountContext;
  /** A fresh engine on the same simulator (its own token cache and rate budget). */
  newEngine(): Promise<Engine>;
  close(): Promise<void>;
}

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
  const sim = await buildSimulator(options);
  const simUrl = await sim.listen(0);
  const integration = await loadIntegrationFile(ONELOGIN_YAML);
  const engines: Engine[] = [];
  const newEngine = async () => {
    const engine = createEngine({
      integrations: [integration],
      cursorSecret: CURSOR_SECRET,
      upstreamOverrides: { onelogin: simUrl },
    });
    engines.push(engine);
    return engine;
  };
  const engine = await newEngine();
  return {
    sim,
    simUrl,
    engine,
    account: oneloginAccount(),
    newEngine,
    async close() {
      for (const each of engines) await each.close();
      await sim.close();
    },
  };
}

export type ListRequest = Omit<ListInput, 'integration' | 'account' | 'model' | 'cursor'>;

export interface ReadAll {
  records: Record<string, unknown>[];
  /** Engine calls made (one per page of the unified cursor). */
  calls: number;
}

/** Follows `next_cursor` to the end and returns every record, in order. */
export async function readAll(
  engine: Engine,
  account: AccountContext,
  request: ListRequest,
): Promise<ReadAll> {
  const records: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  for (let calls = 1; calls <= MAX_CALLS; calls++) {
    const page = await engine.list({
      integration: 'onelogin',
      account,
      model: MODEL,
      ...request,
      ...(cursor === undefined ? {} : { cursor }),
    });
    if (request.limit !== undefined) {
      if (page.result.length > request.limit) throw new Error(`a page exceeded limit ${request.limit}`);
    }
    records.push(...page.result);
    if (page.next_cursor === null) return { records, calls };
    cursor = page.next_cursor;
  }
  throw new Error(`${request.resource} did not finish within ${MAX_CALLS} calls`);
}

/** The ids of the records, as returned. */
export const idsOf = (records: readonly Record<string, unknown>[]): string[] =>
  records.map((record) => String(record['id']));

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
