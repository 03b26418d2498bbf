import { describe, expect, it } from 'vitest';
import * as api from './index.js';
import { buildSimulator } from './simulator.js';
import { CUSTOM_AUTH } from './testing/harness.js';

describe('buildSimulator', () => {
  it('exports a stable public surface', () => {
    expect(Object.keys(api).sort()).toEqual([
      'SIMULATOR_ACCOUNT_ID',
      'SIMULATOR_DEFAULTS',
      'SimulatorError',
      'SimulatorErrorCode',
      'SimulatorState',
      'buildSimulator',
    ]);
  });

  it('builds a 10k-user simulator', async () => {
    const sim = await buildSimulator({ users: 10_000 });
    expect(sim.state.data.users.size).toBe(10_000);
    expect(sim.state.data.events.size).toBeGreaterThanOrEqual(30_000);
    await sim.close();
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const identity = async (seed: number) => {
      const sim = await buildSimulator({ users: 50, seed });
      const rows = sim.state.data.users.items.map((u) => [
        u.id,
        u.email,
        u.firstname,
        u.status,
        u.role_ids.join(),
      ]);
      await sim.close();
      return rows;
    };
    expect(await identity(7)).toEqual(await identity(7));
    expect(await identity(7)).not.toEqual(await identity(8));
  });

  it('with startAt, serves the same timestamps on every start, on a clock that starts there', async () => {
    const dates = async () => {
      const sim = await buildSimulator({ users: 20, startAt: '2026-01-01T00:00:00Z' });
      const rows = sim.state.data.users.items.map((u) => [u.created_at, u.updated_at, u.last_login]);
      const events = sim.state.data.events.items.map((e) => e.created_at);
      await sim.close();
      return { rows, events };
    };
    const first = await dates();
    expect(await dates()).toEqual(first);
    // History ends where the clock starts.
    expect(
      Math.max(...first.events.map((at) => new Date(at as string | number).getTime())),
    ).toBeLessThanOrEqual(Date.parse('2026-01-01T00:00:00Z'));
    await expect(buildSimulator({ startAt: 'soon' })).rejects.toMatchObject({
      message: expect.stringContaining('startAt must be an ISO date-time'),
    });
  });

  it('seeds the awkward cases a connector must survive', async () => {
    const sim = await buildSimulator({ users: 200 });
    const users = sim.state.data.users.items;
    expect(new Set(users.map((u) => u.status))).toEqual(new Set([0, 1, 2, 3, 4, 5, 7, 8]));
    expect(new Set(users.map((u) => u.state))).toEqual(new Set([0, 1, 2, 3]));
    expect(users.some((u) => /[^ -~]/.test(u.firstname + u.lastname))).toBe(true);
    expect(users.some((u) => u.username === '')).toBe(true);
    expect(users.some((u) => u.email === null)).toBe(true);
    expect(users.some((u) => u.role_ids.length === 0 && u.group_id === null)).toBe(true);
    expect(users.some((u) => u.directory_id !== null && u.distinguished_name !== null)).toBe(true);
    expect(users.every((u) => Object.keys(u.custom_attributes).length === 3)).toBe(true);
    // A manager chain: user 3 → 2 → 1 → 0 (the account owner).
    const chain = [3, 2, 1].map((i) => users[i]?.manager_user_id);
    expect(chain).toEqual([users[2]?.id, users[1]?.id, users[0]?.id]);
    expect(users[0]?.manager_user_id).toBeNull();
    // Ids are ascending but not dense.
    expect(users.every((u, i) => i === 0 || u.id > (users[i - 1]?.id ?? 0))).toBe(true);
    expect((users.at(-1)?.id ?? 0) - (users[0]?.id ?? 0)).toBeGreaterThan(users.length);
    await sim.close();
  });

  it('refuses invalid options with a coded error listing every issue', async () => {
    await expect(buildSimulator({ users: -1, clientId: 'has space' })).rejects.toMatchObject({
      code: 'SB_ERR_SIM_OPTIONS_INVALID',
      details: {
        issues: [
          'users must be a non-negative integer',
          'clientId must be non-empty without spaces, commas or colons',
        ],
      },
    });
  });

  it('serves real HTTP on a free port with custom credentials', async () => {
    const sim = await buildSimulator({ users: 5, clientId: 'X', clientSecret: 'Y' });
    const url = await sim.listen(0);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const refused = await fetch(`${url}/auth/oauth2/v2/token`, {
        method: 'POST',
        headers: { authorization: CUSTOM_AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials' }),
      });
      expect(refused.status).toBe(401);
      const tokenResponse = await fetch(`${url}/auth/oauth2/v2/token`, {
        method: 'POST',
        headers: { authorization: 'client_id:X, client_secret:Y', 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials' }),
      });
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      const users = await fetch(`${url}/api/2/users`, { headers: { authorization: `bearer ${token}` } });
      expect(users.headers.get('content-type')).toBe('application/json');
      expect(((await users.json()) as unknown[]).length).toBe(5);
      const v1 = await fetch(`${url}/api/1/users`, { headers: { authorization: `bearer:${token}` } });
      expect(v1.headers.get('link')).toBe('');
      expect(v1.headers.get('status')).toBe('200 OK');
    } finally {
      await sim.close();
    }
  });
});
