/** @module Test helpers (not exported from the package): a simulator and a client sending its SSWS token. */
import { type InjectClient, injectClient } from '@switchboard/sim-kit/testing';
import { DEFAULTS, type SimulatorOptions } from '../options.js';
import { buildSimulator, type Simulator } from '../simulator.js';

export interface Harness extends InjectClient {
  readonly sim: Simulator;
}

export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = await buildSimulator(options);
  const client = injectClient(sim.app, { authorization: `SSWS ${options.apiToken ?? DEFAULTS.apiToken}` });
  return Object.assign(client, { sim });
}
