import { fileURLToPath } from 'node:url';
import { type CompiledIntegration, loadIntegrationFile } from '@switchboard/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { engineMapping } from '../mapping/engine-mapping.js';
import { findMismatch } from '../mapping/equivalence.js';
import { MAPPING_CASES } from '../mapping/mapping-cases.js';
import { readSimulatorSamples, type Samples } from '../mapping/simulator-samples.js';

const ONELOGIN = fileURLToPath(new URL('../../../integrations/onelogin.yaml', import.meta.url));

// Records the simulator does not produce but OneLogin does: v1 users, empty values, unknown event types.
const EDGE_CASES: Record<keyof Samples, unknown[]> = {
  users: [
    { id: 1, role_id: null, firstname: '', lastname: null, email: '', phone: '', status: null, state: 1 },
    { id: 2, role_id: [439868], firstname: 'Ann', status: 7, state: 2, manager_user_id: 0, group_id: '' },
    { id: 3, role_ids: [], status: 6, custom_attributes: { a: null, b: '' } },
    { id: 4, status: 4, custom_attributes: { a: 0, b: 'x' }, external_id: 77, username: 'x' },
  ],
  groups: [{ id: 1, name: '' }, { id: 2, name: null }, { id: 3 }],
  roles: [{ id: 1, name: '' }, { id: 2 }],
  activities: [
    { id: 1, event_type_id: 999_999, created_at: '2026-01-01T00:00:00.000Z' },
    { id: 2, event_type_id: 8, user_id: 5, user_name: 'Ann', 'app-name': 'Slack', actor_system: 'mapper' },
    { id: 3, event_type_id: 147, actor_user_id: 9, actor_user_name: 'Bo', user_name: 'Ann', role_name: null },
    {
      id: 4,
      event_type_id: 3020,
      group_id: 7,
      group_name: 'Ops',
      actor_system: 'API',
      ipaddr: '',
      risk_score: 0,
    },
    { id: 5, event_type_id: 9, app_id: 3, app_name: '', user_name: '' },
  ],
};

describe('hand-written OneLogin mappings', () => {
  let integration: CompiledIntegration;
  let samples: Samples;

  beforeAll(async () => {
    integration = await loadIntegrationFile(ONELOGIN);
    samples = await readSimulatorSamples(300);
  }, 60_000);

  for (const mapping of MAPPING_CASES) {
    for (const kind of ['compiled', 'interpreted'] as const) {
      it(`map ${mapping.resource} exactly as onelogin.yaml does (${kind})`, async () => {
        const engine = engineMapping(integration, mapping.pointer, kind);
        expect(engine.mode).toBe(kind);
        const records = [...samples[mapping.resource], ...EDGE_CASES[mapping.resource]];
        expect(samples[mapping.resource].length).toBeGreaterThan(0);
        expect(await findMismatch(engine, mapping.handwritten, records)).toBeUndefined();
      });
    }
  }
});
