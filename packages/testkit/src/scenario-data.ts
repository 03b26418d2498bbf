/**
 * @module Per-integration scenario data: `fixtures/<integration>/scenarios.yaml`, optional. It replaces the
 * generic sample write bodies for that integration and adds scenarios of its own, which are then planned,
 * recorded and replayed like the generic ones (a missing fixture is "not covered").
 *
 * ```yaml
 * bodies:                     # per resource; `{{run}}` becomes the recording's run id
 *   users:
 *     create: { username: "conformance.{{run}}@example.com", password: "Conformance-{{run}}-Aa1!" }
 *     update: { status: suspended }
 * scenarios:
 *   - name: users.update.reactivate
 *     description: a suspended user becomes active again
 *     resource: users
 *     method: update
 *     id: "{{created.users}}"   # or {{listed.users}} (the first listed id), or a literal id
 *     body: { status: active }
 *     expect_error: SB_ERR_…    # optional: the scenario must end in this error
 * ```
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { OperationMethod } from './fixture.js';

export const SCENARIO_DATA_FILE = 'scenarios.yaml';

export interface CustomScenario {
  name: string;
  description?: string;
  model?: string;
  resource: string;
  method: OperationMethod;
  id?: string;
  body?: Record<string, unknown>;
  filters?: Record<string, string>;
  limit?: number;
  expect_error?: string;
}

export interface ScenarioData {
  bodies: Record<string, { create?: Record<string, unknown>; update?: Record<string, unknown> }>;
  scenarios: CustomScenario[];
}

const METHODS: OperationMethod[] = ['list', 'get', 'create', 'update', 'delete'];
const SCENARIO_KEYS = new Set([
  'name',
  'description',
  'model',
  'resource',
  'method',
  'id',
  'body',
  'filters',
  'limit',
  'expect_error',
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Problems with scenario data, each located (`scenarios[1].method: …`); `[]` when valid. */
export function scenarioDataProblems(data: unknown): string[] {
  if (data === undefined || data === null) return [];
  if (!isObject(data)) return ['the file must be a mapping with `bodies:` and/or `scenarios:`'];
  const problems: string[] = [];
  for (const key of Object.keys(data))
    if (key !== 'bodies' && key !== 'scenarios') problems.push(`${key}: unknown key (bodies, scenarios)`);
  if (data['bodies'] !== undefined) {
    if (!isObject(data['bodies'])) problems.push('bodies: must map resources to { create, update }');
    else
      for (const [resource, bodies] of Object.entries(data['bodies'])) {
        if (!isObject(bodies)) {
          problems.push(`bodies.${resource}: must be { create, update }`);
          continue;
        }
        for (const [key, body] of Object.entries(bodies)) {
          if (key !== 'create' && key !== 'update')
            problems.push(`bodies.${resource}.${key}: unknown key (create, update)`);
          else if (!isObject(body))
            problems.push(`bodies.${resource}.${key}: must be a mapping (the unified body)`);
        }
      }
  }
  if (data['scenarios'] !== undefined) {
    if (!Array.isArray(data['scenarios'])) problems.push('scenarios: must be a list');
    else {
      const names = new Set<string>();
      for (const [i, scenario] of (data['scenarios'] as unknown[]).entries()) {
        const at = `scenarios[${i}]`;
        if (!isObject(scenario)) {
          problems.push(`${at}: must be a mapping`);
          continue;
        }
        for (const key of Object.keys(scenario))
          if (!SCENARIO_KEYS.has(key)) problems.push(`${at}.${key}: unknown key`);
        const name = scenario['name'];
        if (typeof name !== 'string' || !/^[\w-]+(\.[\w-]+)+$/.test(name))
          problems.push(`${at}.name: a fixture name such as users.update.reactivate is required`);
        else if (names.has(name)) problems.push(`${at}.name: ${name} is declared twice`);
        else names.add(name);
        if (typeof scenario['resource'] !== 'string') problems.push(`${at}.resource: required`);
        if (!METHODS.includes(scenario['method'] as OperationMethod))
          problems.push(`${at}.method: one of ${METHODS.join(', ')}`);
        for (const key of ['body', 'filters'])
          if (scenario[key] !== undefined && !isObject(scenario[key]))
            problems.push(`${at}.${key}: must be a mapping`);
        for (const key of ['id', 'description', 'model', 'expect_error'])
          if (scenario[key] !== undefined && typeof scenario[key] !== 'string')
            problems.push(`${at}.${key}: must be a string`);
        if (scenario['limit'] !== undefined && !Number.isInteger(scenario['limit']))
          problems.push(`${at}.limit: must be an integer`);
      }
    }
  }
  return problems;
}

/** Reads `scenarios.yaml` from a fixtures folder; empty data when there is none; throws a located error. */
export async function loadScenarioData(fixturesDir: string): Promise<ScenarioData> {
  const path = join(fixturesDir, SCENARIO_DATA_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { bodies: {}, scenarios: [] };
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid YAML: ${(error as Error).message}`);
  }
  const problems = scenarioDataProblems(data);
  if (problems.length > 0) throw new Error(`${path}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const valid = (data ?? {}) as Partial<ScenarioData>;
  return { bodies: valid.bodies ?? {}, scenarios: valid.scenarios ?? [] };
}
