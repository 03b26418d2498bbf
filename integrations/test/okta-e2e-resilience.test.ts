/**
 * End to end: what a client of the engine notices when Okta misbehaves (429 storms waited out on
 * X-Rate-Limit-Reset, 5xx bursts, a revoked or wrong API token), injected with the simulator's faults, and the
 * Proxy API on the same simulator.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  idsOf,
  MODEL,
  type OktaHarness,
  oktaAccount,
  readAll,
  remoteStatus,
  startOkta,
  switchboardError,
} from './okta-support/okta-sim.js';

// 430 users: a full listing at limit 200 reads three upstream pages.
// Full listings page through hundreds of upstream calls; the machine is shared, so allow time.
vi.setConfig({ testTimeout: 60_000 });

let h: OktaHarness;
beforeAll(async () => {
  h = await startOkta({ users: 430, seed: 9 });
});
afterEach(() => {
  h.sim.faults.clear();
});
afterAll(async () => {
  await h?.close();
});

const allIds = () => h.sim.state.data.users.items.map((user) => user.id);
const counters = () => structuredClone(h.sim.state.counters);

describe('faults while listing', () => {
  it('a short 429 storm is waited out (X-Rate-Limit-Reset) and the list completes', async () => {
    const engine = await h.newEngine();
    h.sim.faults.set({ rate_limit_storm: { count: 2, reset_seconds: 1 } });
    const before = counters();
    const { records } = await readAll(engine, oktaAccount(), { resource: 'users', limit: 200 });
    expect(idsOf(records)).toEqual(allIds());
    expect(h.sim.state.counters.rateLimited - before.rateLimited).toBe(2);
  });

  it('a 503 burst is retried and the list completes', async () => {
    const engine = await h.newEngine();
    h.sim.faults.set({ error_burst: { count: 2, status: 503 } });
    const { records } = await readAll(engine, oktaAccount(), { resource: 'users', limit: 200 });
    expect(idsOf(records)).toEqual(allIds());
  });

  it('a 429 storm longer than max_wait answers RateLimited', async () => {
    const engine = await h.newEngine();
    h.sim.faults.set({ rate_limit_storm: { count: 5, reset_seconds: 3600 } });
    const error = await switchboardError(
      engine.list({
        integration: 'okta',
        account: oktaAccount(),
        model: MODEL,
        resource: 'users',
        limit: 10,
      }),
    );
    expect(error.code).toBe('SB_ERR_HTTP_RATE_LIMITED');
  });

  it('a create hit by a 503 is not repeated: one error, no user stored', async () => {
    const engine = await h.newEngine();
    const before = h.sim.state.data.users.size;
    h.sim.faults.set({ error_burst: { count: 1, status: 503 } });
    const error = await switchboardError(
      engine.create({
        integration: 'okta',
        account: oktaAccount(),
        model: MODEL,
        resource: 'users',
        body: {
          first_name: 'Once',
          last_name: 'Only',
          emails: [{ email: 'once@example.com', type: 'work', is_primary: true }],
        },
      }),
    );
    expect(remoteStatus(error)).toBe(503);
    expect(h.sim.state.data.users.size).toBe(before);
  });
});

describe('credentials', () => {
  it('a wrong API token is refused at link time with Okta’s reason', async () => {
    const error = await switchboardError(h.engine.verify('okta', oktaAccount('not-the-token')));
    expect(error.message).toContain('Invalid token provided');
  });

  it('a token revoked mid-list answers NEEDS_REAUTH (an SSWS token cannot be refreshed)', async () => {
    const engine = await h.newEngine();
    const account = oktaAccount();
    const first = await engine.list({
      integration: 'okta',
      account,
      model: MODEL,
      resource: 'users',
      limit: 200,
    });
    h.sim.faults.set({ revoke_all_tokens: true });
    const error = await switchboardError(
      engine.list({
        integration: 'okta',
        account,
        model: MODEL,
        resource: 'users',
        limit: 200,
        cursor: first.next_cursor!,
      }),
    );
    expect(error.code).toBe('SB_ERR_AUTH_NEEDS_REAUTH');
    await h.sim.app.inject({ method: 'POST', url: '/__sim/reset' });
  });

  it('a token that stops working mid-list (expiry fault) answers NEEDS_REAUTH after one refused call', async () => {
    const engine = await h.newEngine();
    const account = oktaAccount();
    const before = counters();
    h.sim.faults.set({ expire_tokens_after_calls: 1 });
    const first = await engine.list({
      integration: 'okta',
      account,
      model: MODEL,
      resource: 'users',
      limit: 200,
    });
    const error = await switchboardError(
      engine.list({
        integration: 'okta',
        account,
        model: MODEL,
        resource: 'users',
        limit: 200,
        cursor: first.next_cursor!,
      }),
    );
    expect(error.code).toBe('SB_ERR_AUTH_NEEDS_REAUTH');
    // An API token cannot be refreshed: one refused call, no retry storm.
    expect(h.sim.state.counters.unauthorized - before.unauthorized).toBe(1);
    await h.sim.app.inject({ method: 'POST', url: '/__sim/reset' });
  });

  it('sends the token as `Authorization: SSWS <token>` and never anything else', async () => {
    const before = counters();
    await h.engine.list({
      integration: 'okta',
      account: oktaAccount(),
      model: MODEL,
      resource: 'groups',
      limit: 5,
    });
    expect(h.sim.state.counters.unauthorized).toBe(before.unauthorized);
  });
});

describe('proxy', () => {
  it('lists raw users in the list envelope, paged to the end (the plain listing: no DEPROVISIONED)', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const answer = await h.engine.proxy({
        integration: 'okta',
        account: h.account,
        resource: 'users',
        method: 'GET',
        limit: 200,
        ...(cursor === undefined ? {} : { cursor }),
      });
      if (answer.kind !== 'list') throw new Error(`expected a list, got ${answer.kind}`);
      for (const user of answer.result as Record<string, unknown>[]) {
        expect(user).toHaveProperty('profile.login');
        ids.push(String(user['id']));
      }
      if (answer.next_cursor === null) break;
      cursor = answer.next_cursor;
    }
    expect(ids).toEqual(
      h.sim.state.data.users.items.filter((u) => u.status !== 'DEPROVISIONED').map((u) => u.id),
    );
  });

  it('passes a filter through and runs a lifecycle operation by name', async () => {
    const target = h.sim.state.data.users.items.find(
      (u) => u.status === 'ACTIVE' && u.id !== h.sim.state.data.ownerId,
    )!;
    const found = await h.engine.proxy({
      integration: 'okta',
      account: h.account,
      resource: 'users',
      method: 'GET',
      query: { filter: `profile.login eq "${String(target.profile['login'])}"` },
    });
    expect(found.kind === 'list' && found.result).toEqual([expect.objectContaining({ id: target.id })]);
    const suspended = await h.engine.proxy({
      integration: 'okta',
      account: h.account,
      resource: 'user_lifecycle',
      method: 'POST',
      id: target.id,
      query: { operation: 'suspend' },
    });
    expect(suspended).toMatchObject({ kind: 'single', status: 200 });
    expect(target.status).toBe('SUSPENDED');
  });

  it('adds a member to an OKTA_GROUP and lists the members with the group as a named placeholder', async () => {
    const proxy = (input: Record<string, unknown>) =>
      h.engine.proxy({ integration: 'okta', account: h.account, method: 'GET', ...input } as never);
    const group = h.sim.state.data.groups.items.find((g) => g.type === 'OKTA_GROUP')!;
    const user = h.sim.state.data.users.items.find((u) => !group.members.includes(u.id))!;
    const added = await proxy({
      resource: 'group_membership',
      method: 'PUT',
      query: { group_id: group.id, user_id: user.id },
    });
    expect(added).toMatchObject({ kind: 'single', status: 204 });
    const members = await proxy({ resource: 'group_members', limit: 200, query: { group_id: group.id } });
    if (members.kind !== 'list') throw new Error(`expected a list, got ${members.kind}`);
    expect((members.result as { id: string }[]).map((m) => m.id)).toEqual(group.members);
    expect(group.members).toContain(user.id);
    const missing = await proxy({ resource: 'group_members' }).catch((error: unknown) => error);
    expect(missing).toMatchObject({
      code: 'SB_ERR_RUN_INVALID_INPUT',
      message: expect.stringContaining('group_id'),
    });
  });
});
