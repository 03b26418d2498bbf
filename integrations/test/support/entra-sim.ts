/**
 * @module Test support: the real Entra simulator on a free port, the real engine pointed at it with the real
 * `entra.yaml` (every declared origin — login.microsoftonline.com and graph.microsoft.com — redirected to the
 * simulator, as `SWITCHBOARD_UPSTREAM_ENTRA` does), and a reader that pages a unified list to the end.
 */
import type { AccountContext, Engine } from '@switchboard/engine';
import {
  buildSimulator,
  SIMULATOR_DEFAULTS,
  type Simulator,
  type SimulatorOptions,
} from '@switchboard/sim-entra';
import {
  type EngineHarness,
  type ListRequest,
  type ReadAll,
  readAllPages,
  startEngineHarness,
} from './engine-harness.js';

export { idsOf, type ListRequest, MODEL } from './engine-harness.js';

// A runaway cursor must fail the test, not hang it.
const MAX_CALLS = 2000;

export type EntraHarness = EngineHarness<Simulator>;

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
  return startEngineHarness('entra', await buildSimulator(options), entraAccount());
}

/** Follows `next_cursor` to the end and returns every record, in order, and the number of engine calls. */
export function readAll(engine: Engine, account: AccountContext, request: ListRequest): Promise<ReadAll> {
  return readAllPages(engine, 'entra', account, request, MAX_CALLS);
}

export { remoteStatus, switchboardError } from './onelogin-sim.js';
