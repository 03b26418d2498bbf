/**
 * End to end: what a full listing costs upstream. Each listing pages a unified or proxy list to the end through
 * the real engine, the real integration file and the real simulator, and counts the requests the simulator
 * answered (token requests apart). Every record must come back exactly once, at every limit.
 */
import type { AccountContext, Engine, ListResult, ProxyResult } from '@switchboard/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOkta } from './okta-support/okta-sim.js';
import { startEntra } from './support/entra-sim.js';
import { startOneLogin } from './support/onelogin-sim.js';

interface Counted {
  counters: { totalCalls: number; tokenRequests?: number };
}

interface Listing {
  ids: string[];
  /** Upstream requests, token requests apart. */
  calls: number;
}

const idOf = (record: unknown) => String((record as { id: unknown }).id);

async function listAll(
  engine: Engine,
  integration: string,
  account: AccountContext,
  state: Counted,
  request: {
    kind: 'unified' | 'proxy';
    resource: string;
    limit: number;
    filters?: Record<string, string>;
    /** A proxy get whose answer is a paged collection. */
    id?: string;
  },
): Promise<Listing> {
  const tokenBefore = state.counters.tokenRequests ?? 0;
  const before = state.counters.totalCalls - tokenBefore;
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 5000; page++) {
    const at: { cursor?: string } = cursor === null ? {} : { cursor };
    const answer: ListResult | ProxyResult =
      request.kind === 'unified'
        ? await engine.list({
            integration,
            account,
            model: 'user-directory',
            resource: request.resource,
            limit: request.limit,
            remoteData: false,
            ...(request.filters ? { filters: request.filters } : {}),
            ...at,
          })
        : await engine.proxy({
            integration,
            account,
            resource: request.resource,
            method: 'GET',
            limit: request.limit,
            ...(request.id === undefined ? {} : { id: request.id }),
            ...(request.filters ? { query: request.filters } : {}),
            ...at,
          });
    if ('kind' in answer && answer.kind === 'single') throw new Error('a proxy list answered a single body');
    expect(answer.result.length).toBeLessThanOrEqual(request.limit);
    ids.push(...answer.result.map(idOf));
    cursor = answer.next_cursor;
    if (cursor === null) {
      const calls = state.counters.totalCalls - (state.counters.tokenRequests ?? 0) - before;
      return { ids, calls };
    }
  }
  throw new Error(`${request.resource} did not end`);
}

const rows: string[] = [];
afterAll(() => {
  if (process.env['ECONOMY_REPORT']) console.log(rows.join('\n'));
});

function record(name: string, limit: number, listing: Listing, n: number): void {
  rows.push(`${name}\t${limit}\t${listing.calls}\t${Math.ceil(n / limit)}\t${n}`);
}

describe('OneLogin', () => {
  let h: Awaited<ReturnType<typeof startOneLogin>>;
  beforeAll(async () => {
    h = await startOneLogin({ users: 237, seed: 19 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([7, 30, 100])('users at limit %i', async (limit) => {
    const listing = await listAll(h.engine, 'onelogin', h.account, h.sim.state, {
      kind: 'unified',
      resource: 'users',
      limit,
    });
    const expected = h.sim.state.data.users.items.map((u) => String(u.id));
    expect(listing.ids).toEqual(expected);
    expect(listing.calls).toBe(Math.ceil(expected.length / limit));
    record('onelogin unified users', limit, listing, expected.length);
  });

  it.each([7, 30, 100])('proxy users at limit %i', async (limit) => {
    const listing = await listAll(h.engine, 'onelogin', h.account, h.sim.state, {
      kind: 'proxy',
      resource: 'users',
      limit,
    });
    const expected = h.sim.state.data.users.items.map((u) => String(u.id));
    expect(listing.ids).toEqual(expected);
    expect(listing.calls).toBe(Math.ceil(expected.length / limit));
    record('onelogin proxy users', limit, listing, expected.length);
  });

  it.each([7, 30, 100])('role assignments at limit %i', async (limit) => {
    const listing = await listAll(h.engine, 'onelogin', h.account, h.sim.state, {
      kind: 'unified',
      resource: 'role_assignments',
      limit,
    });
    expect(new Set(listing.ids).size).toBe(listing.ids.length);
    // Several assignments per user: each page of `limit` users is read once (the rest of the page the answer
    // stopped in rides in the cursor while it fits), so fewer calls than answers.
    expect(listing.calls).toBeLessThanOrEqual(Math.ceil(listing.ids.length / limit));
    expect(listing.calls).toBeLessThanOrEqual(Math.ceil(h.sim.state.data.users.size / limit) + 1);
    record('onelogin unified role_assignments', limit, listing, listing.ids.length);
  });

  it.each([7, 30, 100])('one role’s assignments at limit %i', async (limit) => {
    const role = [...h.sim.state.data.roles.items].sort((a, b) => b.members.length - a.members.length)[0]!;
    const listing = await listAll(h.engine, 'onelogin', h.account, h.sim.state, {
      kind: 'unified',
      resource: 'role_assignments',
      limit,
      filters: { role_id: String(role.id) },
    });
    expect(new Set(listing.ids).size).toBe(listing.ids.length);
    // The role is read once (then carried in the cursor), its members page by page.
    expect(listing.calls).toBe(Math.ceil(role.members.length / limit) + 1);
    record('onelogin unified role_assignments role_id', limit, listing, listing.ids.length);
  });

  it.each([7, 30, 100])('a proxy get of a role’s members pages like a list at limit %i', async (limit) => {
    const role = [...h.sim.state.data.roles.items].sort((a, b) => b.members.length - a.members.length)[0]!;
    const before = h.sim.state.counters.calls['GET /api/2/roles/:id/users'] ?? 0;
    const listing = await listAll(h.engine, 'onelogin', h.account, h.sim.state, {
      kind: 'proxy',
      resource: 'role_users',
      id: String(role.id),
      limit,
    });
    expect(listing.ids).toEqual(role.members.map(String));
    const calls = (h.sim.state.counters.calls['GET /api/2/roles/:id/users'] ?? 0) - before;
    expect(calls).toBe(Math.ceil(role.members.length / limit));
    record('onelogin proxy get role_users/{id}', limit, listing, role.members.length);
  });

  it.each([20, 50])('activities at limit %i', async (limit) => {
    const listing = await listAll(h.engine, 'onelogin', h.account, h.sim.state, {
      kind: 'unified',
      resource: 'activities',
      limit,
    });
    expect(new Set(listing.ids).size).toBe(listing.ids.length);
    expect(listing.calls).toBe(Math.ceil(listing.ids.length / limit));
    record('onelogin unified activities', limit, listing, listing.ids.length);
  });
});

describe('Okta', () => {
  let h: Awaited<ReturnType<typeof startOkta>>;
  beforeAll(async () => {
    h = await startOkta({ users: 237, seed: 19 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([7, 30, 100])('users at limit %i', async (limit) => {
    const listing = await listAll(h.engine, 'okta', h.account, h.sim.state, {
      kind: 'unified',
      resource: 'users',
      limit,
    });
    // The unified listing names every status, so deprovisioned users are in too.
    const expected = h.sim.state.data.users.items.map((u) => u.id);
    expect(listing.ids).toEqual(expected);
    expect(listing.calls).toBe(Math.ceil(expected.length / limit));
    record('okta unified users', limit, listing, expected.length);
  });

  it.each([7, 30, 100])('proxy users at limit %i', async (limit) => {
    const listing = await listAll(h.engine, 'okta', h.account, h.sim.state, {
      kind: 'proxy',
      resource: 'users',
      limit,
    });
    // Okta's plain listing, which the proxy forwards, leaves deprovisioned users out (§5).
    const expected = h.sim.state.data.users.items
      .filter((u) => u.status !== 'DEPROVISIONED')
      .map((u) => u.id);
    expect(listing.ids).toEqual(expected);
    expect(listing.calls).toBe(Math.ceil(expected.length / limit));
    record('okta proxy users', limit, listing, expected.length);
  });

  it.each([7, 30, 100])('a proxy get of a group’s members pages like a list at limit %i', async (limit) => {
    const group = [...h.sim.state.data.groups.items].sort((a, b) => b.members.length - a.members.length)[0]!;
    const before = h.sim.state.counters.calls['GET /api/v1/groups/:id/users'] ?? 0;
    const listing = await listAll(h.engine, 'okta', h.account, h.sim.state, {
      kind: 'proxy',
      resource: 'group_members',
      id: group.id,
      limit,
    });
    expect(listing.ids).toEqual(group.members);
    const calls = (h.sim.state.counters.calls['GET /api/v1/groups/:id/users'] ?? 0) - before;
    expect(calls).toBe(Math.ceil(group.members.length / limit));
    record('okta proxy get group_members/{id}', limit, listing, group.members.length);
  });

  it.each([30, 100])('role assignments at limit %i', async (limit) => {
    const listing = await listAll(h.engine, 'okta', h.account, h.sim.state, {
      kind: 'unified',
      resource: 'role_assignments',
      limit,
    });
    expect(new Set(listing.ids).size).toBe(listing.ids.length);
    // One roles call per user (Okta has no bulk read) plus the pages of users: the fan-out's own minimum.
    const users = h.sim.state.data.users.size;
    expect(listing.calls).toBe(users + Math.ceil(users / 200));
    record('okta unified role_assignments', limit, listing, listing.ids.length);
  });
});

describe('Entra', () => {
  let h: Awaited<ReturnType<typeof startEntra>>;
  beforeAll(async () => {
    h = await startEntra({ users: 237, seed: 19 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([7, 30, 100])('users at limit %i', async (limit) => {
    const listing = await listAll(h.engine, 'entra', h.account, h.sim.state, {
      kind: 'unified',
      resource: 'users',
      limit,
    });
    const expected = h.sim.state.tenant.users.items.map((u) => u.id);
    expect([...listing.ids].sort()).toEqual([...expected].sort());
    expect(listing.ids).toHaveLength(expected.length);
    expect(listing.calls).toBe(Math.ceil(expected.length / limit));
    record('entra unified users', limit, listing, expected.length);
  });

  it.each([7, 30, 100])('proxy users at limit %i', async (limit) => {
    const listing = await listAll(h.engine, 'entra', h.account, h.sim.state, {
      kind: 'proxy',
      resource: 'users',
      limit,
    });
    const expected = h.sim.state.tenant.users.items.map((u) => u.id);
    expect([...listing.ids].sort()).toEqual([...expected].sort());
    expect(listing.ids).toHaveLength(expected.length);
    expect(listing.calls).toBe(Math.ceil(expected.length / limit));
    record('entra proxy users', limit, listing, expected.length);
  });

  it.each([7, 30, 100])('a proxy get of a group’s members pages like a list at limit %i', async (limit) => {
    const tenant = h.sim.state.tenant;
    const group = [...tenant.groups.items].sort((a, b) => b.members.length - a.members.length)[0]!;
    const expected = group.members.filter((id) => tenant.directoryObject(id) !== undefined).sort();
    const before = h.sim.state.counters.calls['GET /v1.0/groups/:id/members'] ?? 0;
    const listing = await listAll(h.engine, 'entra', h.account, h.sim.state, {
      kind: 'proxy',
      resource: 'group_members',
      id: group.id,
      limit,
    });
    expect(listing.ids).toEqual(expected);
    const calls = (h.sim.state.counters.calls['GET /v1.0/groups/:id/members'] ?? 0) - before;
    expect(calls).toBe(Math.ceil(expected.length / limit));
    record('entra proxy get group_members/{id}', limit, listing, expected.length);
  });

  it.each([30, 100])('activities (merged) at limit %i', async (limit) => {
    const listing = await listAll(h.engine, 'entra', h.account, h.sim.state, {
      kind: 'unified',
      resource: 'activities',
      limit,
    });
    expect(new Set(listing.ids).size).toBe(listing.ids.length);
    // Two logs merged by time: each answer needs the current page of both, read again unless its rest rides in
    // the cursor (audit records are too big for that), so well above ⌈N/L⌉. At most: both current pages per
    // answer, plus each page of 100 once when an answer crosses into it.
    const answers = Math.ceil(listing.ids.length / limit);
    expect(listing.calls).toBeLessThanOrEqual(2 * answers + Math.ceil(listing.ids.length / 100) + 2);
    record('entra unified activities', limit, listing, listing.ids.length);
  });
});
