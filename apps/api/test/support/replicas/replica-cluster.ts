/**
 * @module Two API replicas (child processes) on one PostgreSQL schema and one Redis prefix, in front of one
 * OneLogin simulator listening in the test process, plus the few HTTP calls the proofs make through them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSimulator, type Simulator } from '@switchboard/sim-onelogin';
import { type RunScope, runScope } from './backing-services.js';
import { type Replica, startReplica } from './replica-process.js';

export const SIM_CONNECTION = {
  subdomain: 'acme',
  client_id: 'sim-client-id',
  client_secret: 'sim-client-secret',
};

export interface ClusterOptions {
  users: number;
  /** The simulator's account-wide calls per hour. */
  simulatorBudget: number;
  /** `SWITCHBOARD_RATE_LIMIT_ONELOGIN`, the budget Switchboard enforces per account, e.g. `20/1h`. */
  switchboardBudget: string;
}

export interface Cluster {
  sim: Simulator;
  replicas: [Replica, Replica];
  scope: RunScope;
  /** `Authorization` for the one environment's API key. */
  auth: { authorization: string };
  /** A request to `path` on `replica`, with the API key unless `headers` says otherwise. */
  call(replica: Replica, path: string, init?: RequestInit): Promise<Response>;
  /** Links the simulator's account through `replica`; returns the integrated account id. */
  link(replica: Replica): Promise<string>;
  /** `GET /unified/user-directory/users` for `account` with extra query parameters. */
  listUsers(replica: Replica, account: string, query?: Record<string, string>): Promise<Response>;
  /** Stops every replica still running, the simulator, and drops the schema and the Redis keys. */
  close(): Promise<void>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const cleanups: Array<() => Promise<void>> = [];
  let closing: Promise<void> | undefined;
  // Last in, first out: the replicas stop before the schema they use is dropped; every step runs.
  const close = () =>
    (closing ??= (async () => {
      const failures: unknown[] = [];
      for (const cleanup of cleanups.reverse())
        await cleanup().catch((error: unknown) => failures.push(error));
      if (failures.length > 0) throw new AggregateError(failures, 'closing the replica cluster failed');
    })());
  try {
    const sim = await buildSimulator({ users: options.users, hourlyBudget: options.simulatorBudget });
    const simUrl = await sim.listen(0);
    cleanups.push(() => sim.close());
    const scope = runScope();
    cleanups.push(() => scope.cleanUp());
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-replicas-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const adminToken = `admin-${randomBytes(16).toString('hex')}`;
    // Everything a replica needs to serve what another one stored: the same database, key and cursor secret.
    const shared: Record<string, string> = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: scope.databaseUrl,
      REDIS_URL: scope.redisUrl,
      SWITCHBOARD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SWITCHBOARD_CURSOR_SECRET: randomBytes(32).toString('hex'),
      SWITCHBOARD_ADMIN_TOKEN: adminToken,
      SWITCHBOARD_UPSTREAM_ONELOGIN: simUrl,
      SWITCHBOARD_RATE_LIMIT_ONELOGIN: options.switchboardBudget,
      SWITCHBOARD_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    // Started together, as an orchestrator would: both migrate the empty schema at the same time.
    const started = await Promise.allSettled([startReplica('a', shared), startReplica('b', shared)]);
    for (const result of started) if (result.status === 'fulfilled') cleanups.push(() => result.value.stop());
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const replicas = started.map((result) => (result as PromiseFulfilledResult<Replica>).value) as [
      Replica,
      Replica,
    ];

    const admin = { authorization: `Bearer ${adminToken}` };
    const environment = await json<{ id: string }>(
      post(replicas[0].url, '/admin/environments', admin, { name: 'replicas' }),
      201,
    );
    // The key is minted on the other replica: environments live in Postgres, not in either process.
    const key = await json<{ api_key: string }>(
      post(replicas[1].url, `/admin/environments/${environment.id}/api-keys`, admin),
      201,
    );
    const auth = { authorization: `Bearer ${key.api_key}` };

    const call = (replica: Replica, path: string, init: RequestInit = {}) =>
      fetch(`${replica.url}${path}`, { ...init, headers: { ...auth, ...(init.headers as object) } });
    return {
      sim,
      replicas,
      scope,
      auth,
      call,
      async link(replica) {
        const account = await json<{ id: string }>(
          post(replica.url, '/integrated-accounts', auth, {
            integration: 'onelogin',
            tenant_id: `customer-${randomBytes(3).toString('hex')}`,
            connection: SIM_CONNECTION,
          }),
          201,
        );
        return account.id;
      },
      listUsers(replica, account, query = {}) {
        const search = new URLSearchParams({ integrated_account_id: account, ...query });
        return call(replica, `/unified/user-directory/users?${search}`);
      },
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

function post(
  base: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The body of an answer that must have `status`; anything else fails with what the server said. */
export async function json<T>(answer: Promise<Response> | Response, status = 200): Promise<T> {
  const response = await answer;
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}
