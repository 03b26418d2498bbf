/**
 * Several replicas, proven with real processes: two API children (`startServer(process.env)`) on one PostgreSQL
 * schema and one Redis, in front of one OneLogin simulator with a small hourly budget. Each proof links its own
 * account; the simulator's account-wide window is restarted before each one so that its counts are that proof's.
 */
import type { IncomingMessage } from 'node:http';
import type { Simulator } from '@switchboard/sim-onelogin';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { announceSkip, unavailableServices } from './support/replicas/backing-services.js';
import { type Cluster, json, startCluster } from './support/replicas/replica-cluster.js';

/** Switchboard's budget equals the upstream's: only a budget shared by both replicas keeps the upstream from 429s. */
const BUDGET = 24;
const USERS = 45;

const unavailable = await unavailableServices();
if (unavailable !== undefined) announceSkip(unavailable);

interface Page {
  result: Array<{ id: string }>;
  next_cursor: string | null;
}
interface DebugPage extends Page {
  debug: { trace: Array<{ kind: string; label?: string; status?: number }> };
}
interface ErrorAnswer {
  statusCode: number;
  code: string;
}

const usersCalls = (sim: Simulator) => sim.state.counters.calls['GET /api/2/users'] ?? 0;

/** Resolves when the simulator receives a request for `path` (before it answers: it may be told to take its time). */
function upstreamReceives(sim: Simulator, path: string): Promise<void> {
  return new Promise((resolve) => {
    const onRequest = (request: IncomingMessage) => {
      if (!request.url?.startsWith(path)) return;
      sim.app.server.off('request', onRequest);
      resolve();
    };
    sim.app.server.on('request', onRequest);
  });
}

describe.skipIf(unavailable !== undefined)('several replicas on one PostgreSQL and one Redis', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({
      users: USERS,
      simulatorBudget: BUDGET,
      switchboardBudget: `${BUDGET}/1h`,
    });
  });
  afterAll(async () => {
    await cluster?.close();
  });
  beforeEach(() => {
    cluster.sim.faults.clear();
    cluster.sim.state.budget.reset();
  });

  it('serves on one replica an account linked through the other', async () => {
    const [a, b] = cluster.replicas;
    const account = await cluster.link(a);

    const record = await json<{ id: string; status: string; connection: Record<string, string> }>(
      cluster.call(b, `/integrated-accounts/${account}`),
    );
    expect(record).toMatchObject({ id: account, status: 'active', connection: { subdomain: 'acme' } });
    expect(record.connection).not.toHaveProperty('client_secret');
    // Replica a sealed the credentials with the shared key; b opens them to call the upstream.
    const page = await json<Page>(cluster.listUsers(b, account, { limit: '5' }));
    expect(page.result).toHaveLength(5);
    // And a cursor b signed, a honours.
    expect(page.next_cursor).not.toBeNull();
    const next = await json<Page>(
      cluster.listUsers(a, account, { limit: '5', next_cursor: page.next_cursor! }),
    );
    expect(next.result.map((user) => user.id)).not.toContain(page.result[0]?.id);
  });

  it('refreshes an expired token once across both replicas', async () => {
    const { sim, replicas } = cluster;
    const account = await cluster.link(replicas[0]);
    // Both replicas use the account's token: one token, cached in Postgres.
    await json(cluster.listUsers(replicas[0], account, { limit: '1' }));
    await json(cluster.listUsers(replicas[1], account, { limit: '1' }));

    // Every token dies upstream. The latency keeps each replica's requests on the old token until it is refused,
    // so that both replicas do find it expired.
    sim.faults.set({ revoke_all_tokens: true, latency_ms: 200 });
    const tokenRequests = sim.state.counters.tokenRequests;
    // 8 requests, each refused once: 16 calls of the account's budget of 24 (a refused attempt spends one too).
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        cluster.listUsers(replicas[i % 2]!, account, { limit: '1', response_format: 'debug' }),
      ),
    );
    sim.faults.set({ latency_ms: 0 });
    const answers = await Promise.all(responses.map((response) => json<DebugPage>(response)));

    expect(sim.state.counters.tokenRequests - tokenRequests).toBe(1);
    const refusedOn = (replica: number) =>
      answers
        .filter((_, i) => i % 2 === replica)
        .some((page) => page.debug.trace.some((e) => e.status === 401));
    expect(refusedOn(0), 'replica a saw the expired token').toBe(true);
    expect(refusedOn(1), 'replica b saw the expired token').toBe(true);
    for (const page of answers) expect(page.result).toHaveLength(1);
  });

  it('never lets concurrent lists through both replicas exceed the upstream budget', async () => {
    const { sim, replicas } = cluster;
    const account = await cluster.link(replicas[1]);
    // Linking checked the credentials under a throw-away probe account, outside this account's budget: the
    // upstream's window starts after it, so that it counts exactly the calls Switchboard's budget governs.
    sim.state.budget.reset();
    const before = { users: usersCalls(sim), rateLimited: sim.state.counters.rateLimited };

    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => cluster.listUsers(replicas[i % 2]!, account, { limit: '2' })),
    );
    const served = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status !== 200);

    expect(served).toHaveLength(BUDGET);
    for (const answer of refused) {
      expect(answer.status).toBe(429);
      expect((await answer.json()) as ErrorAnswer).toMatchObject({
        statusCode: 429,
        code: 'SB_ERR_HTTP_RATE_LIMITED',
      });
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // The refused requests never reached the upstream, which never had to refuse one itself.
    expect(usersCalls(sim) - before.users).toBe(served.length);
    expect(sim.state.counters.rateLimited - before.rateLimited).toBe(0);
    expect(sim.state.budget.peek(Date.now()).remaining).toBe(BUDGET - served.length);
    // The budget both replicas spent is one bucket in Redis, under this run's prefix.
    const bucket = `${cluster.scope.redisPrefix}switchboard:budget:onelogin:${account}:`;
    expect((await cluster.scope.redisKeys()).some((key) => key.startsWith(bucket))).toBe(true);
  });

  // Last: it kills replica a.
  it('loses nothing when the replica serving a list is killed: the client resumes on the other', async () => {
    const { sim, replicas } = cluster;
    const [victim, survivor] = replicas;
    const account = await cluster.link(victim);
    const seen: string[] = [];
    let cursor: string | null = null;
    const query = () => ({ limit: '4', ...(cursor === null ? {} : { next_cursor: cursor }) });
    const readPage = async (replica: typeof victim) => {
      const page = await json<Page>(cluster.listUsers(replica, account, query()));
      seen.push(...page.result.map((user) => user.id));
      cursor = page.next_cursor;
    };

    await readPage(victim);
    await readPage(victim);
    expect(cursor).not.toBeNull();

    // The next page is on its way upstream when its replica dies.
    sim.faults.set({ latency_ms: 1_000 });
    const reachedUpstream = upstreamReceives(sim, '/api/2/users');
    const inFlight = cluster.listUsers(victim, account, query()).then(
      (answer) => `answered ${answer.status}`,
      () => 'connection lost',
    );
    await reachedUpstream;
    await victim.kill();
    sim.faults.set({ latency_ms: 0 });
    expect(await inFlight).toBe('connection lost');
    expect(victim.alive).toBe(false);

    // The client retries with the last cursor it holds, on the replica that is left.
    for (let pages = 0; cursor !== null && pages < 50; pages++) await readPage(survivor);
    expect(cursor).toBeNull();
    const expected = sim.state.data.users.items.map((user) => String(user.id));
    expect(seen).toHaveLength(USERS);
    expect([...seen].sort()).toEqual([...expected].sort());
  });
});
