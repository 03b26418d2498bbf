/**
 * @module `unified.<model>.<resource>.<method>` → what to run. The first alternative whose `when` holds
 * (input: the unified filters) is used; it overrides the fields it declares and inherits the others, so a
 * variant that only needs another endpoint does not repeat the record mapping.
 */
import type { ResourceMethodName, UnifiedMethodName, UnifiedOperation } from '@switchboard/schema';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { UnsupportedOperation } from '../errors.js';
import { evaluateAt } from '../mapping/evaluate-at.js';
import { isTruthy } from '../mapping/truthy.js';
import { type CallTarget, callTarget } from './call-target.js';
import { child, pointer } from './json-pointer.js';

type ExpressionField = 'query' | 'filter' | 'body' | 'response' | 'error' | 'id' | 'headers';
const EXPRESSION_FIELDS: readonly ExpressionField[] = [
  'query',
  'filter',
  'body',
  'response',
  'error',
  'id',
  'headers',
];
/** What a merge source may declare for itself; the rest it inherits from the operation. */
const SOURCE_FIELDS = ['query', 'headers', 'filter', 'response', 'error'] as const;

export interface StepPlan {
  call: CallTarget;
  /** Pointers of the step's own expressions. */
  when?: string;
  body?: string;
  id?: string;
}

export interface FanOutPlan {
  call: CallTarget;
  concurrency: number;
  /** `for_each.id`: the one parent to read (with `method: get`). */
  id?: string;
}

/** `current:` — the read made before a write (`$current`). */
export interface CurrentPlan {
  call: CallTarget;
  /** Pointer of its own `id:` expression, when it has one. */
  id?: string;
}

/** `merge:` — several upstream collections as one list. Each source is the operation with its overrides. */
export interface MergePlan {
  /** Pointer of `order_by` (absent: sources one after the other). */
  orderBy?: string;
  direction: 'asc' | 'desc';
  sources: ResolvedOperation[];
}

/** One `enrich.<name>`: another resource called once per upstream record. */
export interface EnrichPlan {
  name: string;
  call: CallTarget;
  /** Pointer of its `id:` expression (input: the upstream record). */
  id?: string;
  concurrency: number;
  always: boolean;
}

export interface ResolvedOperation {
  integration: CompiledIntegration;
  model: string;
  resource: string;
  method: UnifiedMethodName;
  /** The operation's pointer, or the chosen alternative's. */
  pointer: string;
  call: CallTarget;
  /** Pointer of each expression the operation has (own or inherited). */
  expressions: Partial<Record<ExpressionField, string>>;
  filters: readonly string[];
  forEach?: FanOutPlan;
  current?: CurrentPlan;
  merge?: MergePlan;
  enrich: EnrichPlan[];
  steps: StepPlan[];
  result: 'response' | 'get' | 'body';
  limit: { default: number; max: number };
}

/** Used when an operation declares no `limit:`. */
export const DEFAULT_LIMIT = Object.freeze({ default: 50, max: 100 });
const DEFAULT_FAN_OUT_CONCURRENCY = 4;
const DEFAULT_ENRICH_CONCURRENCY = 4;

/** The operation as declared, or undefined. */
export function declaredOperation(
  integration: CompiledIntegration,
  model: string,
  resource: string,
  method: UnifiedMethodName,
): UnifiedOperation | undefined {
  const models = (integration.definition.unified ?? {}) as Record<
    string,
    Record<string, Record<string, UnifiedOperation>>
  >;
  const resources = Object.hasOwn(models, model) ? models[model] : undefined;
  const methods = resources && Object.hasOwn(resources, resource) ? resources[resource] : undefined;
  return methods && Object.hasOwn(methods, method) ? methods[method] : undefined;
}

export interface ResolveInput {
  model: string;
  resource: string;
  method: UnifiedMethodName;
  filters: Record<string, string>;
  /** The unified id (get, update, delete): `$id` in alternatives' `when`. */
  id?: string | undefined;
  connection: Record<string, string>;
  now: string;
}

export async function resolveOperation(
  integration: CompiledIntegration,
  input: ResolveInput,
): Promise<ResolvedOperation> {
  const { model, resource, method } = input;
  const base = declaredOperation(integration, model, resource, method);
  if (!base) {
    throw new UnsupportedOperation(`${method} ${model}/${resource}`, {
      details: { integration: integration.name, model, resource, method },
    });
  }
  const basePointer = pointer('unified', model, resource, method);
  let chosen: { operation: Omit<UnifiedOperation, 'alternatives'>; pointer: string } | undefined;
  for (const [index, alternative] of (base.alternatives ?? []).entries()) {
    const at = child(basePointer, 'alternatives', index);
    const holds = await evaluateAt(
      {
        integration,
        pointer: child(at, 'when'),
        what: `${resource}.${method} alternative`,
        details: { model, resource, method },
      },
      input.filters,
      { query: input.filters, id: input.id, connection: input.connection, now: input.now },
    );
    if (isTruthy(holds)) {
      chosen = { operation: alternative, pointer: at };
      break;
    }
  }

  // A field comes from the alternative when it declares it, from the base operation otherwise.
  const alternative = chosen?.operation as UnifiedOperation | undefined;
  const own = (key: keyof UnifiedOperation) => alternative !== undefined && alternative[key] !== undefined;
  const field = <K extends keyof UnifiedOperation>(key: K): UnifiedOperation[K] =>
    alternative !== undefined && alternative[key] !== undefined ? alternative[key] : base[key];
  const fieldPointer = (key: keyof UnifiedOperation) =>
    child(own(key) && chosen ? chosen.pointer : basePointer, key);

  const expressions: Partial<Record<ExpressionField, string>> = {};
  for (const key of EXPRESSION_FIELDS) if (field(key) !== undefined) expressions[key] = fieldPointer(key);

  const merge = field('merge');
  const mergePointer = fieldPointer('merge');
  // A merged list has no resource of its own; its first source stands for it in locations and traces.
  const resourceName = field('resource') ?? merge?.sources[0]?.resource ?? '';
  const callMethod = (field('method') ??
    (merge ? merge.sources[0]?.method : undefined) ??
    method) as ResourceMethodName;
  const resolved: ResolvedOperation = {
    integration,
    model,
    resource,
    method,
    pointer: chosen?.pointer ?? basePointer,
    call: callTarget(integration, resourceName, callMethod),
    expressions,
    filters: field('filters') ?? [],
    enrich: [],
    steps: [],
    result: field('result') ?? 'response',
    limit: field('limit') ?? DEFAULT_LIMIT,
  };

  const forEach = field('for_each');
  if (forEach) {
    const at = fieldPointer('for_each');
    resolved.forEach = {
      call: callTarget(integration, forEach.resource, forEach.method ?? 'list'),
      concurrency: forEach.concurrency ?? DEFAULT_FAN_OUT_CONCURRENCY,
      ...(forEach.id !== undefined ? { id: child(at, 'id') } : {}),
    };
  }
  const current = field('current');
  if (current) {
    const at = fieldPointer('current');
    resolved.current = {
      call: callTarget(integration, current.resource, current.method ?? 'get'),
      ...(current.id !== undefined ? { id: child(at, 'id') } : {}),
    };
  }
  if (merge) {
    resolved.merge = {
      ...(merge.order_by !== undefined ? { orderBy: child(mergePointer, 'order_by') } : {}),
      direction: merge.direction ?? 'asc',
      sources: merge.sources.map((source, index) => {
        const at = child(mergePointer, 'sources', index);
        const own: Partial<Record<ExpressionField, string>> = { ...expressions };
        for (const key of SOURCE_FIELDS) if (source[key] !== undefined) own[key] = child(at, key);
        return {
          ...resolved,
          pointer: at,
          call: callTarget(integration, source.resource, source.method ?? 'list'),
          expressions: own,
        };
      }),
    };
  }
  const enrich = field('enrich');
  if (enrich) {
    const at = fieldPointer('enrich');
    resolved.enrich = Object.entries(enrich).map(([name, plan]) => ({
      name,
      call: callTarget(integration, plan.resource, plan.method ?? 'list'),
      ...(plan.id !== undefined ? { id: child(at, name, 'id') } : {}),
      concurrency: plan.concurrency ?? DEFAULT_ENRICH_CONCURRENCY,
      always: plan.always ?? false,
    }));
  }
  const steps = field('steps');
  if (steps) {
    const at = fieldPointer('steps');
    resolved.steps = steps.map((step, index) => ({
      call: callTarget(integration, step.resource, step.method ?? method),
      ...(step.when !== undefined ? { when: child(at, index, 'when') } : {}),
      ...(step.body !== undefined ? { body: child(at, index, 'body') } : {}),
      ...(step.id !== undefined ? { id: child(at, index, 'id') } : {}),
    }));
  }
  return resolved;
}

/** Every filter an operation can apply under some alternative (for capabilities and error messages). */
export function allFilters(operation: UnifiedOperation): string[] {
  const names = new Set(operation.filters ?? []);
  for (const alternative of operation.alternatives ?? [])
    for (const name of alternative.filters ?? []) names.add(name);
  return [...names];
}
