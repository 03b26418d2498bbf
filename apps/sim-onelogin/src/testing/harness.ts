/**
 * @module Test helpers (not exported from the package): build a simulator, fetch a token, call it through
 * `app.inject()` the way a client would (the shared inject client of @switchboard/sim-kit).
 */
import { injectClient } from '@switchboard/sim-kit/testing';
import type { LightMyRequestResponse } from 'fastify';
import type { SimulatorOptions } from '../options.js';
import { buildSimulator, type Simulator } from '../simulator.js';

export const CUSTOM_AUTH = 'client_id:sim-client-id, client_secret:sim-client-secret';

export interface Harness {
  readonly sim: Simulator;
  token: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  newToken(): Promise<string>;
}

export async function requestToken(
  sim: Simulator,
  path = '/auth/oauth2/v2/token',
): Promise<LightMyRequestResponse> {
  return sim.app.inject({
    method: 'POST',
    url: path,
    headers: { authorization: CUSTOM_AUTH, 'content-type': 'application/json' },
    payload: { grant_type: 'client_credentials' },
  });
}

export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = await buildSimulator(options);
  const client = injectClient(sim.app);
  let token = '';
  const harness: Harness = {
    sim,
    get token() {
      return token;
    },
    set token(value: string) {
      token = value;
      client.headers = { authorization: `bearer:${value}` };
    },
    get: (url, headers) => client.get(url, headers),
    send: (method, url, payload) => client.send(method, url, payload),
    newToken: async () => {
      harness.token = (await requestToken(sim)).json<{ access_token: string }>().access_token;
      return harness.token;
    },
  };
  await harness.newToken();
  return harness;
}
