/**
 * End to end: unified activities (OneLogin v1 events) through the real engine, the real `onelogin.yaml` and the
 * OneLogin simulator. Expectations come from the simulator's stored events.
 */
import type { EventRecord } from '@switchboard/sim-onelogin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_OF_TYPE, expectedActivityCore } from './support/onelogin-expected.js';
import {
  idsOf,
  iso,
  MODEL,
  type OneLoginHarness,
  readAll,
  remoteStatus,
  startOneLogin,
  switchboardError,
} from './support/onelogin-sim.js';

// 100 users, 4 events each: 400 events, eight v1 pages of 50.
let h: OneLoginHarness;
beforeAll(async () => {
  h = await startOneLogin({ users: 100, seed: 3 });
  // The seed emits neither a manual role assignment (147) nor some others: store a few, as OneLogin would.
  const data = h.sim.state.data;
  const owner = data.users.get(data.ownerId)!;
  const user = data.users.items[20]!;
  const role = data.roles.items[3]!;
  data.appendEvent(
    {
      event_type_id: 147,
      user_id: user.id,
      user_name: `${user.firstname} ${user.lastname}`,
      actor_user_id: owner.id,
      actor_user_name: `${owner.firstname} ${owner.lastname}`,
      actor_system: '',
      app_id: null,
      role_id: role.id,
      group_id: null,
      ipaddr: '203.0.113.7',
      risk_score: null,
      notes: null,
      client_id: null,
      directory_id: null,
    },
    Date.now(),
  );
});
afterAll(async () => {
  await h?.close();
});

const on = () => ({ integration: 'onelogin', account: h.account, model: MODEL, resource: 'activities' });
const events = (): EventRecord[] => [...h.sim.state.data.events.items];
const idsWhere = (keep: (event: EventRecord) => boolean) =>
  events()
    .filter(keep)
    .map((event) => String(event.id));
const listActivities = (filters: Record<string, string>, limit = 100) =>
  readAll(h.engine, h.account, { resource: 'activities', limit, filters });

describe('reading activities', () => {
  it.each([30, 100])('at limit %i returns every stored event exactly once, in order', async (limit) => {
    const { records } = await readAll(h.engine, h.account, { resource: 'activities', limit });
    const ids = idsOf(records);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(idsWhere(() => true));
    expect(ids.length).toBeGreaterThan(400);
  });

  it('maps action, actor, target, context and time from every stored event', async () => {
    const { records } = await readAll(h.engine, h.account, { resource: 'activities', limit: 100 });
    const byId = new Map(events().map((event) => [String(event.id), event]));
    for (const record of records) {
      const event = byId.get(record['id'] as string)!;
      expect(ACTION_OF_TYPE[event.event_type_id], `event type ${event.event_type_id}`).toBeDefined();
      expect(record, `event ${event.id}`).toMatchObject(expectedActivityCore(event));
      if (event.ipaddr) expect(record['context']).toMatchObject({ ip_address: event.ipaddr });
      if (event.risk_score !== null)
        expect(record['context']).toMatchObject({ risk_score: event.risk_score });
    }
  });

  it.each([
    [5, 'login'],
    [6, 'login_failed'],
    [13, 'user_created'],
    [147, 'role_assigned'],
  ])('maps event type %i to %s, with a filled-in description', async (type, action) => {
    const event = events().find((e) => e.event_type_id === type)!;
    expect(event, `the simulator holds an event of type ${type}`).toBeDefined();
    const { record } = await h.engine.get({ ...on(), id: String(event.id) });
    expect(record).toMatchObject({ ...expectedActivityCore(event), action });
    expect(record['description']).toEqual(expect.stringContaining(event.user_name!));
    expect(record['description']).not.toMatch(/%\w+%/);
  });

  it('gets one activity', async () => {
    const event = events()[42]!;
    const { record } = await h.engine.get({ ...on(), id: String(event.id) });
    expect(record).toMatchObject(expectedActivityCore(event));
    expect(record['remote_data']).toMatchObject({ id: event.id, event_type_id: event.event_type_id });
  });

  it('answers an unknown activity with the upstream 404', async () => {
    const error = await switchboardError(h.engine.get({ ...on(), id: '1' }));
    expect(error.code).toBe('SB_ERR_HTTP_UPSTREAM_STATUS');
    expect(remoteStatus(error)).toBe(404);
  });
});

describe('filtering activities', () => {
  const middle = () => events()[Math.floor(events().length / 2)]!;

  it('by created_at[gte], bound included', async () => {
    const since = middle().created_at;
    const { records } = await listActivities({ 'created_at[gte]': iso(since) });
    expect(idsOf(records)).toEqual(idsWhere((event) => event.created_at >= since));
    expect(idsOf(records)[0]).toBe(String(middle().id));
  });

  it('by created_at[lt], bound excluded (OneLogin’s `until` is inclusive)', async () => {
    const before = middle().created_at;
    const { records } = await listActivities({ 'created_at[lt]': iso(before) }, 30);
    expect(idsOf(records)).toEqual(idsWhere((event) => event.created_at < before));
    expect(idsOf(records)).not.toContain(String(middle().id));
  });

  it('by a created_at window', async () => {
    const from = events()[100]!.created_at;
    const to = events()[200]!.created_at;
    const { records } = await listActivities({ 'created_at[gte]': iso(from), 'created_at[lt]': iso(to) });
    expect(idsOf(records)).toEqual(idsWhere((event) => event.created_at >= from && event.created_at < to));
    expect(records).toHaveLength(100);
  });

  it.each([
    ['login', [5]],
    ['login_failed', [6]],
    ['logout', [7, 550]],
    ['role_assigned', [4, 147, 149, 513]],
  ])('by action %s', async (action, types) => {
    const expected = idsWhere((event) => types.includes(event.event_type_id));
    expect(expected.length).toBeGreaterThan(0);
    const { records } = await listActivities({ action }, 30);
    expect(idsOf(records)).toEqual(expected);
  });

  it('by action other: events with no unified action', async () => {
    const expected = idsWhere((event) => ACTION_OF_TYPE[event.event_type_id] === 'other');
    expect(expected.length).toBeGreaterThan(0);
    const { records } = await listActivities({ action: 'other' });
    expect(idsOf(records)).toEqual(expected);
  });

  it('by user_id, alone and with an action', async () => {
    const user = h.sim.state.data.users.items[20]!;
    const mine = idsWhere((event) => event.user_id === user.id);
    expect(mine.length).toBeGreaterThan(1);
    expect(idsOf((await listActivities({ user_id: String(user.id) })).records)).toEqual(mine);
    const assigned = await listActivities({ user_id: String(user.id), action: 'role_assigned' });
    expect(idsOf(assigned.records)).toEqual(
      idsWhere((event) => event.user_id === user.id && [4, 147].includes(event.event_type_id)),
    );
  });

  it('refuses an unsupported filter, naming the supported ones', async () => {
    const error = await switchboardError(h.engine.list({ ...on(), filters: { 'created_at[gt]': iso(0) } }));
    expect(error.code).toBe('SB_ERR_RUN_UNSUPPORTED_FILTER');
    expect([...(error.details['supported'] as string[])].sort()).toEqual(
      ['action', 'created_at[gte]', 'created_at[lt]', 'user_id'].sort(),
    );
  });
});

describe('activities follow writes', () => {
  it('a user created through the engine shows up as a user_created activity', async () => {
    const { record } = await h.engine.create({
      integration: 'onelogin',
      account: h.account,
      model: MODEL,
      resource: 'users',
      body: { username: 'audit.me', first_name: 'Audit', last_name: 'Me' },
    });
    const { records } = await listActivities({ user_id: record['id'] as string, action: 'user_created' });
    expect(idsOf(records)).toEqual(
      idsWhere((event) => String(event.user_id) === record['id'] && event.event_type_id === 533),
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ action: 'user_created', actor: { type: 'user' } });
  });
});
