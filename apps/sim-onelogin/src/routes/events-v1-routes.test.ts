import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../data/records.js';
import { type Harness, startHarness } from '../testing/harness.js';

type V1Event = Record<string, unknown> & { id: number; created_at: string };

describe('events v1', () => {
  let h: Harness;
  let events: readonly EventRecord[];
  beforeAll(async () => {
    h = await startHarness({ users: 60, hourlyBudget: 0 });
    events = h.sim.state.data.events.items;
  });
  afterAll(() => h.sim.close());

  const collect = async (query: string): Promise<V1Event[]> => {
    const seen: V1Event[] = [];
    let cursor: string | null = null;
    do {
      const suffix: string = cursor === null ? '' : `&after_cursor=${encodeURIComponent(cursor)}`;
      const body = (await h.get(`/api/1/events?${query}${suffix}`)).json();
      seen.push(...body.data);
      cursor = body.pagination.after_cursor;
    } while (cursor !== null);
    return seen;
  };

  it('seeds several events per user over the last 90 days, ids and times ascending', () => {
    expect(events.length).toBe(240);
    const oldest = Date.now() - 90 * 86_400_000 - 1000;
    expect(
      events.every(
        (event, i) =>
          event.created_at >= oldest &&
          (i === 0 || event.created_at >= (events[i - 1] as EventRecord).created_at),
      ),
    ).toBe(true);
    expect(new Set(events.map((event) => event.event_type_id)).size).toBeGreaterThan(5);
  });

  it('pages through everything with the body cursor', async () => {
    const seen = await collect('limit=50');
    expect(seen.map((event) => event.id)).toEqual(events.map((event) => event.id));
  });

  it('filters by since/until, event type list and user', async () => {
    const since = new Date((events[50] as EventRecord).created_at).toISOString();
    const until = new Date((events[150] as EventRecord).created_at).toISOString();
    const window = await collect(`limit=20&since=${since}&until=${until}`);
    expect(window.map((event) => event.id)).toEqual(events.slice(50, 151).map((event) => event.id));
    const logins = await collect('limit=20&event_type_id=5,8');
    expect(logins.map((event) => event.id)).toEqual(
      events.filter((e) => [5, 8].includes(e.event_type_id)).map((e) => e.id),
    );
    const userId = events[0]?.user_id;
    const mine = await collect(`limit=2&user_id=${userId}`);
    expect(mine.map((event) => event.id)).toEqual(
      events.filter((e) => e.user_id === userId).map((e) => e.id),
    );
  });

  it('renders the documented event fields', async () => {
    const login = events.find((event) => event.event_type_id === 8) as EventRecord;
    const body = (await h.get(`/api/1/events/${login.id}`)).json();
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      id: login.id,
      account_id: 189185,
      event_type_id: 8,
      user_id: login.user_id,
      actor_user_id: login.user_id,
      ipaddr: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
      app_name: expect.any(String),
      risk_score: expect.any(Number),
      assuming_acting_user_id: null,
    });
    expect((await h.get('/api/1/events/1')).json().status.message).toBe('Event for id 1 was not found');
  });

  it('lists event types with templates, without requiring a token', async () => {
    const body = (await h.get('/api/1/events/types', {})).json();
    const byId = new Map(body.data.map((type: { id: number }) => [type.id, type]));
    expect(byId.get(5)).toEqual({
      name: 'USER_LOGGED_INTO_ONELOGIN',
      description: '%user% logged into OneLogin',
      id: 5,
    });
    expect(byId.get(1)).toMatchObject({
      name: 'APP_ADDED_TO_ROLE',
      description: 'App %app% added to role %role%',
    });
    for (const id of [13, 147, 513, 1801, 3022]) expect(byId.has(id)).toBe(true);
  });

  it('records API changes as events', async () => {
    const created = (await h.send('POST', '/api/2/users', { email: 'evented@example.com' })).json();
    const body = (await h.get(`/api/1/events?user_id=${created.id}`)).json();
    expect(body.data).toEqual([
      expect.objectContaining({
        event_type_id: 533,
        user_id: created.id,
        actor_system: 'API',
        client_id: 'sim-client-id',
      }),
    ]);
  });
});
