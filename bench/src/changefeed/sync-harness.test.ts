import { buildSimulator, type Simulator } from '@switchboard/sim-onelogin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callsBetween, readUpstreamCalls } from '../upstream/simulator-counters.js';
import { changeDirectory } from './directory-changes.js';
import { SyncHarness } from './sync-harness.js';

// What the change-feed stage relies on, on a small directory: changes made in the simulator become exactly one
// event each, an incremental run of users reads only them, and the simulator's counters see every call.
describe('sync runs against the simulator', () => {
  let sim: Simulator;
  let url: string;
  let harness: SyncHarness;

  beforeAll(async () => {
    sim = await buildSimulator({ users: 30, latencyMs: 0, hourlyBudget: 0 });
    url = await sim.listen(0);
    harness = await SyncHarness.start(url);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    await sim?.close();
  });

  it('records a silent baseline, then one event per change; an incremental run of users costs one call', async () => {
    const account = await harness.account(['users']);
    const baseline = await account.run('full');
    expect(baseline.counts).toMatchObject({ read: 30, created: 0, updated: 0, deleted: 0 });

    await changeDirectory(url, 3, 1);
    const before = await readUpstreamCalls(url);
    const incremental = await account.run('incremental');
    const calls = callsBetween(before, await readUpstreamCalls(url));
    expect(incremental.counts).toMatchObject({ read: 3, created: 1, updated: 2, deleted: 0 });
    expect(calls).toEqual({ total: 1, tokenRequests: 0, byRoute: { 'GET /api/2/users': 1 } });

    await changeDirectory(url, 3, 2);
    const full = await account.run('full');
    expect(full.counts).toMatchObject({ read: 32, created: 1, updated: 2, deleted: 0 });
  }, 60_000);
});
