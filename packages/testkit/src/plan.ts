/**
 * @module The scenarios an integration must cover, derived from its file alone: every declared unified resource
 * and method, each declared filter, and the error and auth behaviours. Fixtures are checked against this plan, so a
 * missing fixture is "not covered", never a silent pass.
 */
import type { CompiledIntegration } from '@switchboard/engine';
import type { OperationMethod } from './fixture.js';
import type { CustomScenario } from './scenario-data.js';

export type ScenarioKind =
  | 'list'
  | 'filter'
  | 'get'
  | 'create'
  | 'update'
  | 'delete'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'token_refresh'
  | 'rate_limited'
  | 'server_error'
  /** Declared by the integration's own `scenarios.yaml`. */
  | 'custom';

export interface PlannedScenario {
  /** The fixture file name without extension, e.g. `users.list.limit-30`. */
  name: string;
  model: string;
  resource: string;
  /** The table row it counts under: a unified method, or `errors` for error and auth behaviour. */
  method: OperationMethod | 'errors';
  kind: ScenarioKind;
  limit?: number;
  filter?: string;
  /** For `custom` scenarios: what `scenarios.yaml` declares. */
  custom?: CustomScenario;
}

/**
 * Two unified page sizes: one that does not divide common upstream page sizes (50, 100), and the largest usual
 * one. Each is clamped to the operation's declared maximum.
 */
export const DEFAULT_LIMITS: readonly [number, number] = [30, 100];

// The engine's maximum when an operation declares no `limit:`.
const ENGINE_MAX_LIMIT = 100;

const METHODS: OperationMethod[] = ['list', 'get', 'create', 'update', 'delete'];

export function filterSlug(filter: string): string {
  return filter.replace(/\[(\w+)\]/g, '-$1').replace(/[^a-z0-9-]+/gi, '-');
}

/**
 * Every scenario the integration must cover: those its file implies, then `custom` ones (from the fixtures
 * folder's `scenarios.yaml`, see `loadScenarioData`).
 */
export function planScenarios(
  integration: CompiledIntegration,
  limits = DEFAULT_LIMITS,
  custom: readonly CustomScenario[] = [],
): PlannedScenario[] {
  const plan: PlannedScenario[] = [];
  const unified = integration.definition.unified ?? {};
  let firstList: { model: string; resource: string } | undefined;
  let firstGet: { model: string; resource: string } | undefined;
  let firstCreate: { model: string; resource: string } | undefined;

  for (const [model, resources] of Object.entries(unified)) {
    for (const [resource, methods] of Object.entries(resources ?? {})) {
      for (const method of METHODS) {
        const operation = methods?.[method];
        if (!operation) continue;
        const base = { model, resource, method };
        if (method === 'list') {
          firstList ??= { model, resource };
          const max = operation.limit?.max ?? ENGINE_MAX_LIMIT;
          for (const limit of new Set(limits.map((l) => Math.min(l, max)))) {
            plan.push({ ...base, name: `${resource}.list.limit-${limit}`, kind: 'list', limit });
          }
          for (const filter of operation.filters ?? []) {
            plan.push({
              ...base,
              name: `${resource}.list.filter-${filterSlug(filter)}`,
              kind: 'filter',
              filter,
            });
          }
        } else {
          plan.push({ ...base, name: `${resource}.${method}`, kind: method });
          if (method === 'get') firstGet ??= { model, resource };
          if (method === 'create' && resource === 'users') firstCreate = { model, resource };
        }
      }
    }
  }

  const errors = (kind: ScenarioKind, on: { model: string; resource: string } | undefined, name: string) => {
    if (on) plan.push({ ...on, method: 'errors', kind, name: `errors.${name}` });
  };
  errors('unauthorized', firstList, 'unauthorized');
  errors('not_found', firstGet, 'not-found');
  errors('conflict', firstCreate, 'conflict');
  if (integration.definition.auth.type.startsWith('oauth2'))
    errors('token_refresh', firstList, 'token-refresh');
  errors('rate_limited', firstList, 'rate-limited');
  errors('server_error', firstList, 'server-error');

  const planned = new Set(plan.map((s) => s.name));
  for (const scenario of custom) {
    if (planned.has(scenario.name)) {
      throw new Error(`scenarios.yaml: ${scenario.name} is already a planned scenario; choose another name`);
    }
    const model =
      scenario.model ??
      Object.entries(unified).find(([, resources]) => resources && scenario.resource in resources)?.[0] ??
      Object.keys(unified)[0] ??
      'user-directory';
    plan.push({
      name: scenario.name,
      model,
      resource: scenario.resource,
      method: scenario.method,
      kind: 'custom',
      custom: scenario,
    });
  }
  return plan;
}
