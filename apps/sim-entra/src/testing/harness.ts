/**
 * @module Test helpers (not exported from the package): build a simulator, fetch a token the way a client
 * would (form body), and call Graph through `app.inject()` with it.
 */
import { injectClient } from '@switchboard/sim-kit/testing';
import type { LightMyRequestResponse } from 'fastify';
import { DEFAULTS, type SimulatorOptions } from '../options.js';
import { GRAPH_DEFAULT_SCOPE } from '../routes/token-route.js';
import { buildSimulator, type Simulator } from '../simulator.js';

export interface Harness {
  readonly sim: Simulator;
  token: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  newToken(): Promise<string>;
}

export function tokenForm(overrides: Record<string, string | undefined> = {}): string {
  const fields: Record<string, string | undefined> = {
    grant_type: 'client_credentials',
    client_id: DEFAULTS.clientId,
    client_secret: DEFAULTS.clientSecret,
    scope: GRAPH_DEFAULT_SCOPE,
    ...overrides,
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) params.set(key, value);
  return params.toString();
}

export function requestToken(
  sim: Simulator,
  form = tokenForm(),
  tenant: string = DEFAULTS.tenantId,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return sim.app.inject({
    method: 'POST',
    url: `/${tenant}/oauth2/v2.0/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: form,
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
      client.headers = { authorization: `Bearer ${value}` };
    },
    get: (url, headers) =>
      client.get(url, headers === undefined ? undefined : { ...client.headers, ...headers }),
    send: (method, url, payload) => client.send(method, url, payload),
    newToken: async () => {
      harness.token = (await requestToken(sim)).json<{ access_token: string }>().access_token;
      return harness.token;
    },
  };
  await harness.newToken();
  return harness;
}

/** Follows `@odata.nextLink` (absolute) through inject, returning every item and the number of pages. */
export async function readAllPages(
  harness: Harness,
  firstUrl: string,
  headers?: Record<string, string>,
): Promise<{ items: Record<string, unknown>[]; pages: number; links: string[] }> {
  const items: Record<string, unknown>[] = [];
  const links: string[] = [];
  let url: string | undefined = firstUrl;
  let pages = 0;
  while (url !== undefined) {
    const response = await harness.get(url, headers);
    if (response.statusCode !== 200)
      throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
    const body = response.json<{ value: Record<string, unknown>[]; '@odata.nextLink'?: string }>();
    items.push(...body.value);
    pages += 1;
    const next = body['@odata.nextLink'];
    if (next !== undefined) {
      links.push(next);
      const parsed = new URL(next);
      url = `${parsed.pathname}${parsed.search}`;
    } else url = undefined;
    if (pages > 1000) throw new Error('runaway paging');
  }
  return { items, pages, links };
}
