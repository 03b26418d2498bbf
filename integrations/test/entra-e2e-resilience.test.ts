/**
 * End to end: what a client of the engine notices when Entra misbehaves or refuses — tokens that expire (by the
 * clock or mid-list), 429 storms, 503 bursts, wrong credentials at link time — and the Proxy API on the same
 * simulator (absolute next links followed, named placeholders, `$ref` membership writes).
 */
import type { Engine } from '@switchboard/engine';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type EntraHarness,
  entraAccount,
  idsOf,
  MODEL,
  readAll,
  remoteStatus,
  startEntra,
  switchboardError,
} from './support/entra-sim.js';

// 230 users: a list at limit 100 makes three upstream calls, one per unified page.
// Whole listings at small limits make hundreds of calls on a shared machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let h: EntraHarness;
// The simulator's clock: moved forward to expire tokens without waiting.
let clock = Date.now();
beforeAll(async () => {
  h = await startEntra({ users: 230, seed: 5, now: () => clock });
});
afterEach(() => {
  h.sim.faults.clear();
});
afterAll(async () => {
  await h?.close();
});

const counters = () => structuredClone(h.sim.state.counters);
const simUserIds = () => h.sim.state.tenant.users.items.map((user) => user.id);
const USERS_ROUTE = 'GET /v1.0/users';

async function fresh(): Promise<{ engine: Engine; account: ReturnType<typeof entraAccount> }> {
  return { engine: await h.newEngine(), account: entraAccount() };
}

describe('tokens', () => {
  it('a token that expires mid-list costs exactly one extra token request', async () => {
    const { engine, account } = await fresh();
    h.sim.faults.set({ expire_tokens_after_calls: 2 });
    const before = counters();
    const { records } = await readAll(engine, account, { resource: 'users', limit: 100 });
    const after = counters();
    expect(idsOf(records)).toEqual(simUserIds());
    expect((after.calls[USERS_ROUTE] ?? 0) - (before.calls[USERS_ROUTE] ?? 0)).toBe(4); // 3 pages + 1 refused
    expect(after.unauthorized - before.unauthorized).toBe(1);
    expect(after.tokenRequests - before.tokenRequests).toBe(2);
  });

  it('a token past its expires_in (the simulator’s clock moved an hour) is replaced once', async () => {
    const { engine, account } = await fresh();
    await readAll(engine, account, { resource: 'groups', limit: 100 });
    clock += 3600 * 1000;
    const before = counters();
    const { records } = await readAll(engine, account, { resource: 'groups', limit: 100 });
    const after = counters();
    expect(idsOf(records)).toEqual(h.sim.state.tenant.groups.items.map((group) => group.id));
    expect(after.unauthorized - before.unauthorized).toBe(1);
    expect(after.tokenRequests - before.tokenRequests).toBe(1);
  });

  it('verifies good credentials, by tenant GUID or by its onmicrosoft.com domain', async () => {
    const { engine } = await fresh();
    await engine.verify('entra', entraAccount());
    await engine.verify('entra', entraAccount(h.sim.state.tenant.identity.initialDomain));
  });

  it('refuses a wrong secret at link time with Entra’s reason, never echoing the secret', async () => {
    const { engine } = await fresh();
    const account = entraAccount();
    const wrong = {
      ...account,
      connection: { ...account.connection, client_secret: 'not-the-secret-value' },
    };
    const error = await switchboardError(engine.verify('entra', wrong));
    expect(error.message).toMatch(/AADSTS7000215|Invalid client secret/);
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(
      'not-the-secret-value',
    );
  });
});

describe('throttling and failures', () => {
  it('a short 429 storm is waited out (Retry-After) and the list completes', async () => {
    const { engine, account } = await fresh();
    h.sim.faults.set({ rate_limit_storm: { count: 2, reset_seconds: 1 } });
    const before = counters();
    const { records } = await readAll(engine, account, { resource: 'users', limit: 100 });
    expect(idsOf(records)).toEqual(simUserIds());
    expect(h.sim.state.counters.rateLimited - before.rateLimited).toBe(2);
  });

  it('a 503 burst is retried and the list completes', async () => {
    const { engine, account } = await fresh();
    h.sim.faults.set({ error_burst: { count: 2, status: 503 } });
    const before = counters();
    const { records } = await readAll(engine, account, { resource: 'users', limit: 100 });
    expect(idsOf(records)).toEqual(simUserIds());
    expect(h.sim.state.counters.injectedErrors - before.injectedErrors).toBe(2);
  });

  it('a Graph 400 reaches the caller with Graph’s code and message', async () => {
    const { engine, account } = await fresh();
    const error = await switchboardError(
      engine.list({
        integration: 'entra',
        account,
        model: MODEL,
        resource: 'users',
        limit: 10,
        remoteQuery: { $orderby: 'favouriteColour' },
      }),
    );
    expect(remoteStatus(error)).toBe(400);
    expect(error.message).toMatch(/Sorting by 'favouriteColour' is not supported/);
  });
});

describe('proxy', () => {
  const proxy = (input: Record<string, unknown>) =>
    h.engine.proxy({ integration: 'entra', account: h.account, method: 'GET', ...input } as never);

  it('lists raw users in the list envelope, following Graph’s absolute next links to the end', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const answer = await proxy({
        resource: 'users',
        limit: 100,
        ...(cursor === undefined ? {} : { cursor }),
      });
      if (answer.kind !== 'list') throw new Error(`expected a list, got ${answer.kind}`);
      for (const user of answer.result as Record<string, unknown>[]) {
        expect(user).toHaveProperty('userPrincipalName');
        ids.push(String(user['id']));
      }
      if (answer.next_cursor === null) break;
      cursor = answer.next_cursor;
    }
    expect(ids).toEqual(simUserIds());
  });

  it('reads activated directory roles and their members, and passes OData options through', async () => {
    const roles = await proxy({ resource: 'directory_roles' });
    if (roles.kind !== 'list') throw new Error('expected a list');
    const globalAdmin = (roles.result as { id: string; roleTemplateId: string }[]).find(
      (role) => role.roleTemplateId === '62e90394-69f5-4237-9190-012177145e10',
    )!;
    const members = await proxy({ resource: 'directory_role_members', query: { role_id: globalAdmin.id } });
    const admin = h.sim.state.tenant.findUser('ann.lee@acme.example')!;
    expect(members.kind === 'list' && members.result).toEqual([
      expect.objectContaining({ '@odata.type': '#microsoft.graph.user', id: admin.id }),
    ]);
    const failed = await proxy({
      resource: 'sign_ins',
      limit: 100,
      query: { $filter: 'status/errorCode eq 50126' },
    });
    if (failed.kind !== 'list') throw new Error('expected a list');
    expect(failed.result.length).toBe(h.sim.state.tenant.signIns.filter((s) => s.errorCode === 50126).length);
  });

  it('adds and removes a group member through $ref, with the group and member as named placeholders', async () => {
    const group = h.sim.state.tenant.groups.items.find((g) => g.displayName === 'Empty group')!;
    const user = h.sim.state.tenant.users.items[0]!;
    const added = await proxy({
      resource: 'group_members',
      method: 'POST',
      query: { group_id: group.id },
      body: { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${user.id}` },
    });
    expect(added).toMatchObject({ kind: 'single', status: 204 });
    expect(group.members).toEqual([user.id]);

    const members = await proxy({ resource: 'group_members', query: { group_id: group.id } });
    expect(members.kind === 'list' && members.result).toEqual([
      expect.objectContaining({ '@odata.type': '#microsoft.graph.user', id: user.id }),
    ]);

    const removed = await proxy({
      resource: 'group_members',
      method: 'DELETE',
      query: { group_id: group.id, member_id: user.id },
    });
    expect(removed).toMatchObject({ kind: 'single', status: 204 });
    expect(group.members).toEqual([]);
  });
});
