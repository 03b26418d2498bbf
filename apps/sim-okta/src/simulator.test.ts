import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';
import * as api from './index.js';
import { buildSimulator } from './simulator.js';

describe('buildSimulator', () => {
  it('exports a stable public surface', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ROLE_LABELS',
      'SIMULATOR_DEFAULTS',
      'SimulatorError',
      'SimulatorErrorCode',
      'SimulatorState',
      'buildSimulator',
    ]);
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const identity = async (seed: number) => {
      const sim = await buildSimulator({ users: 40, seed, startAt: '2026-01-01T00:00:00Z' });
      const rows = sim.state.data.users.items.map((u) => [u.id, u.status, u.profile['login'], u.created]);
      await sim.close();
      return rows;
    };
    expect(await identity(4)).toEqual(await identity(4));
    expect(await identity(4)).not.toEqual(await identity(5));
  });

  it('seeds every user status and data relative to startAt', async () => {
    const sim = await buildSimulator({ users: 12, startAt: '2026-01-01T00:00:00Z' });
    const statuses = new Set(sim.state.data.users.items.map((u) => u.status));
    expect(statuses.size).toBe(8);
    const end = Date.parse('2026-01-01T00:00:00Z');
    const logs = sim.state.data.logs;
    expect(logs.every((e) => e.published < end && e.published > end - 90 * 86_400_000)).toBe(true);
    await sim.close();
  });

  it('refuses bad options with every problem listed', async () => {
    await expect(buildSimulator({ users: -1, startAt: 'soon', apiToken: 'a b' })).rejects.toMatchObject({
      code: 'SB_ERR_SIM_OPTIONS_INVALID',
      details: {
        issues: [
          'users must be a non-negative integer',
          'startAt must be an ISO date-time',
          'apiToken must be non-empty printable ASCII without spaces',
        ],
      },
    });
  });

  it('reads its command-line flags', () => {
    expect(
      parseCliArgs([
        '--users',
        '60',
        '--api-token',
        'T',
        '--rate-limit',
        '0',
        '--start-at',
        '2026-01-01T00:00:00Z',
      ]),
    ).toEqual({
      port: 9002,
      host: '127.0.0.1',
      options: { users: 60, apiToken: 'T', rateLimitPerMinute: 0, startAt: '2026-01-01T00:00:00Z' },
    });
  });
});
