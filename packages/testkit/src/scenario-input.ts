/**
 * @module Turns a planned scenario into the concrete operation to record, using what earlier scenarios of the
 * same recording returned (ids to get, records to pick filter values from, what was created).
 */
import type { ScenarioOperation } from './fixture.js';
import { FILTER_SAMPLES, WRITE_SAMPLES } from './model-samples.js';
import type { PlannedScenario } from './plan.js';
import type { ScenarioData } from './scenario-data.js';

type UnifiedRecord = Record<string, unknown>;

/** What a recording has learned so far. */
export interface RecordingContext {
  run: string;
  listed: Map<string, UnifiedRecord[]>;
  created: Map<string, string>;
  /** The integration's own write bodies (`scenarios.yaml`), preferred to the model's samples. */
  bodies?: ScenarioData['bodies'];
}

/** An id no upstream will have. */
export const MISSING_ID = '999999999';

function fillRun<T>(value: T, run: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll('{{run}}', run)) as T;
}

function pickFilterValue(resource: string, filter: string, records: UnifiedRecord[]): string | undefined {
  const sample = FILTER_SAMPLES[resource]?.[filter];
  if (!sample) return undefined;
  const values = records.map((r) => sample.pick(r)).filter((v): v is string => v !== undefined && v !== '');
  if (values.length === 0) return undefined;
  // Range filters take a value that keeps a few records (about a tenth: small fixtures) and drops the others;
  // equality takes the first.
  const sorted = [...values].sort();
  if (filter.endsWith('[lt]')) return sorted[Math.max(1, Math.floor(sorted.length / 10))] ?? sorted.at(-1);
  if (filter.endsWith('[gte]')) return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))];
  return values[0];
}

/** The operation for a scenario, or why it cannot be recorded yet. */
export function scenarioOperation(
  scenario: PlannedScenario,
  context: RecordingContext,
): ScenarioOperation | { skip: string } {
  const base = { model: scenario.model, resource: scenario.resource };
  const listed = context.listed.get(scenario.resource) ?? [];
  const firstId = typeof listed[0]?.['id'] === 'string' ? (listed[0]['id'] as string) : undefined;
  switch (scenario.kind) {
    case 'list':
      return { ...base, method: 'list', ...(scenario.limit ? { limit: scenario.limit } : {}) };
    case 'unauthorized':
    case 'token_refresh':
    case 'rate_limited':
    case 'server_error':
      return { ...base, method: 'list', limit: 30 };
    case 'filter': {
      const value = pickFilterValue(scenario.resource, scenario.filter ?? '', listed);
      if (value === undefined)
        return { skip: `no listed ${scenario.resource} record has a value for ${scenario.filter}` };
      return { ...base, method: 'list', limit: 50, filters: { [scenario.filter ?? '']: value } };
    }
    case 'get':
      return firstId ? { ...base, method: 'get', id: firstId } : { skip: `no ${scenario.resource} to get` };
    case 'not_found':
      return { ...base, method: 'get', id: MISSING_ID };
    case 'create':
    case 'conflict': {
      const body = createBody(scenario.resource, context);
      return body
        ? { ...base, method: 'create', body }
        : { skip: `no sample body to create ${scenario.resource}` };
    }
    case 'custom':
      return customOperation(scenario, context);
    case 'update': {
      const id = context.created.get(scenario.resource);
      const body = context.bodies?.[scenario.resource]?.update ?? WRITE_SAMPLES[scenario.resource]?.update;
      if (!id || !body) return { skip: `nothing created to update in ${scenario.resource}` };
      return { ...base, method: 'update', id, body: fillRun(body, context.run) };
    }
    case 'delete': {
      const id = context.created.get(scenario.resource);
      return id
        ? { ...base, method: 'delete', id }
        : { skip: `nothing created to delete in ${scenario.resource}` };
    }
  }
}

function createBody(resource: string, context: RecordingContext): Record<string, unknown> | undefined {
  if (resource === 'role_assignments') {
    const user = context.listed.get('users')?.[0]?.['id'];
    const role = context.created.get('roles') ?? context.listed.get('roles')?.[0]?.['id'];
    return typeof user === 'string' && typeof role === 'string'
      ? { user_id: user, role_id: role }
      : undefined;
  }
  const body = context.bodies?.[resource]?.create ?? WRITE_SAMPLES[resource]?.create;
  return body ? fillRun(body, context.run) : undefined;
}

/** A `scenarios.yaml` scenario with `{{run}}`, `{{created.<resource>}}` and `{{listed.<resource>}}` filled in. */
function customOperation(
  scenario: PlannedScenario,
  context: RecordingContext,
): ScenarioOperation | { skip: string } {
  const custom = scenario.custom;
  if (!custom) return { skip: 'not a custom scenario' };
  let missing: string | undefined;
  const fill = <T>(value: T): T =>
    JSON.parse(
      JSON.stringify(value).replace(
        /\{\{\s*(run|created\.(\w+)|listed\.(\w+))\s*\}\}/g,
        (_, what, created, listed) => {
          if (what === 'run') return context.run;
          const id = created
            ? context.created.get(created)
            : (context.listed.get(listed)?.[0]?.['id'] as string | undefined);
          if (typeof id !== 'string')
            missing ??= created ? `nothing created in ${created}` : `no ${listed} listed`;
          return String(id ?? '');
        },
      ),
    ) as T;
  const operation: ScenarioOperation = fill({
    model: scenario.model,
    resource: scenario.resource,
    method: custom.method,
    ...(custom.id !== undefined ? { id: custom.id } : {}),
    ...(custom.body ? { body: custom.body } : {}),
    ...(custom.filters ? { filters: custom.filters } : {}),
    ...(custom.limit !== undefined ? { limit: custom.limit } : {}),
  });
  return missing ? { skip: missing } : operation;
}
