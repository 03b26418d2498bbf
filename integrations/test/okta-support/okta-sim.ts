/**
 * @module Test support: the real Okta simulator on a free port, the real engine pointed at it with the real
 * `okta.yaml`, and a reader that pages a unified list to the end the way an API client would.
 */
import { fileURLToPath } from 'node:url';
import {
  type AccountContext,
  createEngine,
  type Engine,
  type ListInput,
  loadIntegrationFile,
} from '@switchboard/engine';
import { buildSimulator, type Simulator, type SimulatorOptions } from '@switchboard/sim-okta';

const OKTA_YAML = fileURLToPath(new URL('../../okta.yaml', import.meta.url));
const CURSOR_SECRET = 'okta-e2e-cursor-secret-0123456789abcdef';
// A runaway cursor must fail the test, not hang it.
const MAX_CALLS = 3000;

export const MODEL = 'user-directory';
export const API_TOKEN = 'sim-okta-api-token';

export interface OktaHarness {
  sim: Simulator;
  simUrl: string;
  engine: Engine;
  account: AccountContext;
  /** A fresh engine on the same simulator (its own rate budget). */
  newEngine(): Promise<Engine>;
  close(): Promise<void>;
}

let accounts = 0;

/** A linked account; each gets its own id so budgets never leak between tests. */
export function oktaAccount(apiToken = API_TOKEN): AccountContext {
  accounts += 1;
  return { id: `acct-okta-e2e-${accounts}`, connection: { domain: 'acme.okta.com', api_token: apiToken } };
}

export async function startOkta(options: SimulatorOptions): Promise<OktaHarness> {
  // Unlimited by default: a role-assignment listing makes one call per user.
  const sim = await buildSimulator({ rateLimitPerMinute: 0, ...options });
  const simUrl = await sim.listen(0);
  const integration = await loadIntegrationFile(OKTA_YAML);
  const engines: Engine[] = [];
  const newEngine = async () => {
    const engine = createEngine({
      integrations: [integration],
      cursorSecret: CURSOR_SECRET,
      upstreamOverrides: { okta: simUrl },
    });
    engines.push(engine);
    return engine;
  };
  const engine = await newEngine();
  return {
    sim,
    simUrl,
    engine,
    account: oktaAccount(),
    newEngine,
    async close() {
      for (const each of engines) await each.close();
      await sim.close();
    },
  };
}

export type ListRequest = Omit<ListInput, 'integration' | 'account' | 'model' | 'cursor'>;

/** Follows `next_cursor` to the end and returns every record, in order, and the number of unified pages. */
export async function readAll(
  engine: Engine,
  account: AccountContext,
  request: ListRequest,
): Promise<{ records: Record<string, unknown>[]; calls: number }> {
  const records: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  for (let calls = 1; calls <= MAX_CALLS; calls++) {
    const page = await engine.list({
      integration: 'okta',
      account,
      model: MODEL,
      ...request,
      ...(cursor === undefined ? {} : { cursor }),
    });
    if (request.limit !== undefined && page.result.length > request.limit) {
      throw new Error(`a page exceeded limit ${request.limit}`);
    }
    records.push(...page.result);
    if (page.next_cursor === null) return { records, calls };
    cursor = page.next_cursor;
  }
  throw new Error(`${request.resource} did not finish within ${MAX_CALLS} calls`);
}

export const idsOf = (records: readonly Record<string, unknown>[]): string[] =>
  records.map((record) => String(record['id']));

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
