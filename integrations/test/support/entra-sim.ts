/**
 * @module Test support: the real Entra simulator on a free port, the real engine pointed at it with the real
 * `entra.yaml` (every declared origin — login.microsoftonline.com and graph.microsoft.com — redirected to the
 * simulator, as `SWITCHBOARD_UPSTREAM_ENTRA` does), and a reader that pages a unified list to the end.
 */
import { fileURLToPath } from 'node:url';
import {
  type AccountContext,
  createEngine,
  type Engine,
  type ListInput,
  loadIntegrationFile,
} from '@switchboard/engine';
import {
  buildSimulator,
  SIMULATOR_DEFAULTS,
  type Simulator,
  type SimulatorOptions,
} from '@switchboard/sim-entra';

const ENTRA_YAML = fileURLToPath(new URL('../../entra.yaml', import.meta.url));
const CURSOR_SECRET = 'entra-e2e-cursor-secret-0123456789abcdef';
// A runaway cursor must fail the test, not hang it.
const MAX_CALLS = 2000;

export const MODEL = 'user-directory';

export interface EntraHarness {
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
export function entraAccount(tenant: string = SIMULATOR_DEFAULTS.tenantId): AccountContext {
  accounts += 1;
  return {
    id: `acct-entra-e2e-${accounts}`,
    connection: {
      tenant_id: tenant,
      client_id: SIMULATOR_DEFAULTS.clientId,
      client_secret: SIMULATOR_DEFAULTS.clientSecret,
    },
  };
}

export async function startEntra(options: SimulatorOptions): Promise<EntraHarness> {
  const sim = await buildSimulator(options);
  const simUrl = await sim.listen(0);
  const integration = await loadIntegrationFile(ENTRA_YAML);
  const engines: Engine[] = [];
  const newEngine = async () => {
    const engine = createEngine({
      integrations: [integration],
      cursorSecret: CURSOR_SECRET,
      upstreamOverrides: { entra: simUrl },
    });
    engines.push(engine);
    return engine;
  };
  const engine = await newEngine();
  return {
    sim,
    simUrl,
    engine,
    account: entraAccount(),
    newEngine,
    async close() {
      for (const each of engines) await each.close();
      await sim.close();
    },
  };
}

export type ListRequest = Omit<ListInput, 'integration' | 'account' | 'model' | 'cursor'>;

/** Follows `next_cursor` to the end and returns every record, in order, and the number of engine calls. */
export async function readAll(
  engine: Engine,
  account: AccountContext,
  request: ListRequest,
): Promise<{ records: Record<string, unknown>[]; calls: number }> {
  const records: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  for (let calls = 1; calls <= MAX_CALLS; calls++) {
    const page = await engine.list({
      integration: 'entra',
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

export { remoteStatus, switchboardError } from './onelogin-sim.js';
