/**
 * @module Upstream records to map, read from an in-process simulator through `app.inject()` exactly as they go
 * over the wire: v2 users and roles, v1 groups and events (`data` of the v1 envelope).
 */
import { buildSimulator, SIMULATOR_DEFAULTS, type Simulator } from '@switchboard/sim-onelogin';
import { BenchHttpFailed } from '../errors.js';

export interface Samples {
  users: unknown[];
  groups: unknown[];
  roles: unknown[];
  activities: unknown[];
}

/** Up to `count` records of each kind (the simulator seeds a dozen groups and roles, several events per user). */
export async function readSimulatorSamples(count: number): Promise<Samples> {
  const sim = await buildSimulator({ users: count, hourlyBudget: 0, latencyMs: 0 });
  try {
    const token = await tokenOf(sim);
    const get = async (url: string) => {
      const response = await sim.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.statusCode !== 200) {
        throw new BenchHttpFailed(`simulator answered ${response.statusCode} to GET ${url.split('?')[0]}`);
      }
      return { body: response.json<unknown>(), headers: response.headers };
    };
    const v2 = async (path: string, limit: number): Promise<unknown[]> => {
      const records: unknown[] = [];
      let cursor: string | undefined;
      do {
        const page = await get(`${path}?limit=${limit}${cursor === undefined ? '' : `&cursor=${cursor}`}`);
        records.push(...(page.body as unknown[]));
        const next = page.headers['after-cursor'];
        cursor = typeof next === 'string' && next !== '' ? encodeURIComponent(next) : undefined;
      } while (cursor !== undefined && records.length < count);
      return records.slice(0, count);
    };
    const v1 = async (path: string): Promise<unknown[]> => {
      const records: unknown[] = [];
      let cursor: string | null = null;
      do {
        const after: string = cursor === null ? '' : `&after_cursor=${encodeURIComponent(cursor)}`;
        const page = (await get(`${path}?limit=1000${after}`)).body as V1Page;
        records.push(...page.data);
        cursor = page.pagination?.after_cursor ?? null;
      } while (cursor !== null && records.length < count);
      return records.slice(0, count);
    };
    return {
      users: await v2('/api/2/users', 100),
      groups: await v1('/api/1/groups'),
      roles: await v2('/api/2/roles', 650),
      activities: await v1('/api/1/events'),
    };
  } finally {
    await sim.close();
  }
}

interface V1Page {
  data: unknown[];
  pagination?: { after_cursor: string | null };
}

async function tokenOf(sim: Simulator): Promise<string> {
  const response = await sim.app.inject({
    method: 'POST',
    url: '/auth/oauth2/v2/token',
    headers: {
      authorization: `client_id:${SIMULATOR_DEFAULTS.clientId}, client_secret:${SIMULATOR_DEFAULTS.clientSecret}`,
      'content-type': 'application/json',
    },
    payload: { grant_type: 'client_credentials' },
  });
  if (response.statusCode !== 200)
    throw new BenchHttpFailed(`simulator token call answered ${response.statusCode}`);
  return response.json<{ access_token: string }>().access_token;
}
