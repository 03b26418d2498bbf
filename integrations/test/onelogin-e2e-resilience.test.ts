/**
 * End to end: what a client of the engine notices when OneLogin misbehaves (token expiry mid-list, 429 storms,
 * 5xx bursts), injected with the simulator's faults, and the Proxy API on the same simulator.
 */
import type { Engine } from '@switchboard/engine';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectedStatus } from './support/onelogin-expected.js';
import {
  idsOf,
  MODEL,
  type OneLoginHarness,
  oneloginAccount,
  readAll,
  remoteStatus,
  startOneLogin,
  switchboardError,
} from './support/onelogin-sim.js';

// 230 users: a list at limit 100 makes three upstream calls, one per unified page.
let h: OneLoginHarness;
beforeAll(async () => {
  h = await startOneLogin({ users: 230, seed: 5 });
});
afterEach(() => {
  h.sim.faults.clear();
});
afterAll(async () => {
  await h?.close();
});

const counters = () => structuredClone(h.sim.state.counters);
const simUserIds = () => h.sim.state.data.users.items.map((user) => String(user.id));

/** A new engine and account: nothing cached, nothing spent, so the counters below are this test's alone. */
async function fresh(): Promise<{ engine: Engine; account: ReturnType<typeof oneloginAccount> }> {
  return { engine: await h.newEngine(), account: oneloginAccount() };
}

describe('faults while listing', () => {
  it('a token that expires mid-list costs exactly one extra token request', async () => {
    const baseline = await fresh();
    let before = counters();
    await readAll(baseline.engine, baseline.account, { resource: 'users', limit: 100 });
    const normalTokenRequests = h.sim.state.counters.tokenRequests - before.tokenRequests;
    expect(normalTokenRequests).toBe(1);

    const { engine, account } = await fresh();
    h.sim.faults.set({ expire_tokens_after_calls: 2 });
    before = counters();
    const { records } = await readAll(engine, account, { resource: 'users', limit: 100 });
    const after = counters();

    expect(idsOf(records)).toEqual(simUserIds());
    expect(after.calls['GET /api/2/users']! - before.calls['GET /api/2/users']!).toBe(4); // 3 pages + 1 refused
    expect(after.unauthorized - before.unauthorized).toBe(1);
    expect(after.tokenRequests - before.tokenRequests).toBe(normalTokenRequests + 1);
  });

  it('a token that expires inside one list call (three upstream pages) is refreshed once', async () => {
    const { engine, account } = await fresh();
    h.sim.faults.set({ expire_tokens_after_calls: 2 });
    const before = counters();
    // Few users are suspended, so one unified page of 100 reads every upstream page.
    const page = await engine.list({
      integration: 'onelogin',
      account,
      model: MODEL,
      resource: 'users',
      limit: 100,
      filters: { status: 'suspended' },
    });
    const after = counters();
    const suspended = h.sim.state.data.users.items.filter(
      (user) => expectedStatus(user.status, user.state) === 'suspended',
    );
    expect(page.next_cursor).toBeNull();
    expect(idsOf(page.result)).toEqual(suspended.map((u) => String(u.id)));
    expect(after.calls['GET /api/2/users']! - (before.calls['GET /api/2/users'] ?? 0)).toBe(4);
    expect(after.unauthorized - before.unauthorized).toBe(1);
    expect(after.tokenRequests - before.tokenRequests).toBe(2); // the first token, then one refresh
  });

  it('a token that expires during a role fan-out (role, then member pages) is refreshed once', async () => {
    const { engine, account } = await fresh();
    const role = h.sim.state.data.roles.items.find((r) => r.name === 'Default')!;
    h.sim.faults.set({ expire_tokens_after_calls: 2 });
    const before = counters();
    const { records } = await readAll(engine, account, {
      resource: 'role_assignments',
      limit: 100,
      filters: { role_id: String(role.id) },
    });
    const after = counters();
    expect(idsOf(records)).toEqual(role.members.map((userId) => `${userId}:${role.id}`));
    expect(after.unauthorized - before.unauthorized).toBe(1);
    expect(after.tokenRequests - before.tokenRequests).toBe(2);
  });

  it('a short 429 storm is waited out and the list completes', async () => {
    const { engine, account } = await fresh();
    h.sim.faults.set({ rate_limit_storm: { count: 2, reset_seconds: 1 } });
    const before = counters();
    const { records } = await readAll(engine, account, { resource: 'users', limit: 100 });
    expect(idsOf(records)).toEqual(simUserIds());
    expect(h.sim.state.counters.rateLimited - before.rateLimited).toBe(2);
    expect(h.sim.faults.snapshot().rate_limit_storm).toBeNull();
  });

  it('a 503 burst is retried and the list completes', async () => {
    const { engine, account } = await fresh();
    h.sim.faults.set({ error_burst: { count: 2, status: 503 } });
    const before = counters();
    const { records } = await readAll(engine, account, { resource: 'users', limit: 100 });
    expect(idsOf(records)).toEqual(simUserIds());
    expect(h.sim.state.counters.injectedErrors - before.injectedErrors).toBe(2);
    expect(h.sim.faults.snapshot().error_burst).toBeNull();
  });

  it('a 429 storm longer than max_wait answers RateLimited with when to retry', async () => {
    const { engine, account } = await fresh();
    h.sim.faults.set({ rate_limit_storm: { count: 5, reset_seconds: 3600 } });
    const started = Date.now();
    const error = await switchboardError(
      engine.list({ integration: 'onelogin', account, model: MODEL, resource: 'users', limit: 10 }),
    );
    expect(error.code).toBe('SB_ERR_HTTP_RATE_LIMITED');
    const retryAt = Date.parse(error.details['retry_at'] as string);
    // OneLogin said "in an hour"; the engine passes that on instead of waiting past its 60 s max_wait.
    expect(retryAt).toBeGreaterThan(started + 3500_000);
    expect(retryAt).toBeLessThan(Date.now() + 3700_000);
  });

  it('a create refused with 429 is sent again once the storm passes, and stores one user', async () => {
    const { engine, account } = await fresh();
    await engine.verify('onelogin', account);
    h.sim.faults.set({ rate_limit_storm: { count: 1, reset_seconds: 1 } });
    const { record } = await engine.create({
      integration: 'onelogin',
      account,
      model: MODEL,
      resource: 'users',
      body: { username: 'after.storm', first_name: 'After', last_name: 'Storm' },
    });
    const stored = h.sim.state.data.users.items.filter((user) => user.username === 'after.storm');
    expect(stored.map((user) => String(user.id))).toEqual([record['id']]);
  });

  it('a create hit by a 503 is not repeated: one error, no user stored', async () => {
    const { engine, account } = await fresh();
    await engine.verify('onelogin', account); // token first, so the burst meets the create itself
    h.sim.faults.set({ error_burst: { count: 1, status: 503 } });
    const before = counters();
    const error = await switchboardError(
      engine.create({
        integration: 'onelogin',
        account,
        model: MODEL,
        resource: 'users',
        body: { username: 'not.twice', first_name: 'Not', last_name: 'Twice' },
      }),
    );
    expect(error.code).toBe('SB_ERR_HTTP_UPSTREAM_STATUS');
    expect(remoteStatus(error)).toBe(503);
    // One attempt, answered by the burst: a create is not idempotent, so it is not sent again.
    expect(
      (h.sim.state.counters.calls['POST /api/2/users'] ?? 0) - (before.calls['POST /api/2/users'] ?? 0),
    ).toBe(1);
    expect(h.sim.state.counters.injectedErrors - before.injectedErrors).toBe(1);
    expect(h.sim.state.data.users.items.some((user) => user.username === 'not.twice')).toBe(false);
  });
});

describe('proxy', () => {
  it('lists raw users in the list envelope, paged to the end', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const answer = await h.engine.proxy({
        integration: 'onelogin',
        account: h.account,
        resource: 'users',
        method: 'GET',
        limit: 100,
        ...(cursor === undefined ? {} : { cursor }),
      });
      if (answer.kind !== 'list') throw new Error(`expected a list, got ${answer.kind}`);
      expect(answer.result_count).toBe(answer.result.length);
      for (const user of answer.result as Record<string, unknown>[]) {
        // Raw upstream records: numeric ids, OneLogin's own field names.
        expect(typeof user['id']).toBe('number');
        expect(user).toHaveProperty('firstname');
        ids.push(String(user['id']));
      }
      if (answer.next_cursor === null) break;
      cursor = answer.next_cursor;
    }
    expect(ids).toEqual(simUserIds());
  });

  it('passes query parameters through to OneLogin', async () => {
    const target = h.sim.state.data.users.items.find((user) => user.email !== null)!;
    const answer = await h.engine.proxy({
      integration: 'onelogin',
      account: h.account,
      resource: 'users',
      method: 'GET',
      query: { email: target.email! },
    });
    expect(answer.kind === 'list' && answer.result).toEqual([expect.objectContaining({ id: target.id })]);
  });

  it('gets a raw role', async () => {
    const role = h.sim.state.data.roles.items[2]!;
    const answer = await h.engine.proxy({
      integration: 'onelogin',
      account: h.account,
      resource: 'roles',
      method: 'GET',
      id: String(role.id),
    });
    expect(answer).toMatchObject({ kind: 'single', status: 200, body: { id: role.id, name: role.name } });
  });

  it('adds and removes role members with a raw JSON array body', async () => {
    const role = h.sim.state.data.roles.items.find((r) => r.name === 'Sales')!;
    const user = h.sim.state.data.users.items.find((u) => !u.role_ids.includes(role.id))!;
    const call = (method: 'POST' | 'DELETE', body: unknown) =>
      h.engine.proxy({
        integration: 'onelogin',
        account: h.account,
        resource: 'role_users',
        method,
        id: String(role.id),
        body,
      });

    const added = await call('POST', [user.id]);
    expect(added).toMatchObject({ kind: 'single', status: 200, body: [{ id: user.id }] });
    expect(role.members).toContain(user.id);

    const removed = await call('DELETE', [user.id]);
    expect(removed).toMatchObject({ kind: 'single', status: 204 });
    expect(role.members).not.toContain(user.id);

    const refused = await switchboardError(call('POST', { user_ids: [user.id] }));
    expect(refused.code).toBe('SB_ERR_HTTP_UPSTREAM_STATUS');
    expect(remoteStatus(refused)).toBe(400);
    expect(role.members).not.toContain(user.id);
  });
});
