import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioData, scenarioDataProblems } from './scenario-data.js';

describe('scenarios.yaml', () => {
  it('names each problem by its place in the file', () => {
    expect(
      scenarioDataProblems({
        bodies: { users: { create: 'x', replace: {} } },
        scenarios: [{ name: 'reactivate', resource: 'users', method: 'patch', colour: 1 }],
        extra: true,
      }),
    ).toEqual([
      'extra: unknown key (bodies, scenarios)',
      'bodies.users.create: must be a mapping (the unified body)',
      'bodies.users.replace: unknown key (create, update)',
      'scenarios[0].colour: unknown key',
      'scenarios[0].name: a fixture name such as users.update.reactivate is required',
      'scenarios[0].method: one of list, get, create, update, delete',
    ]);
  });

  it('is optional, and read when present', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scenario-data-'));
    try {
      expect(await loadScenarioData(dir)).toEqual({ bodies: {}, scenarios: [] });
      await writeFile(
        join(dir, 'scenarios.yaml'),
        'bodies:\n  users:\n    update: { status: suspended }\nscenarios:\n  - { name: users.update.reactivate, resource: users, method: update, id: "{{created.users}}", body: { status: active } }\n',
      );
      const data = await loadScenarioData(dir);
      expect(data.bodies['users']?.update).toEqual({ status: 'suspended' });
      expect(data.scenarios[0]).toMatchObject({ name: 'users.update.reactivate', method: 'update' });
      await writeFile(join(dir, 'scenarios.yaml'), 'scenarios: {}\n');
      await expect(loadScenarioData(dir)).rejects.toThrow(/scenarios\.yaml:\n {2}scenarios: must be a list/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
