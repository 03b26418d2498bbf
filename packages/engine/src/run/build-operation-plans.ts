/**
 * @module Stage "plan": a compiled integration → one {@link OperationChoice} per declared unified operation, built
 * once when the engine is created. An alternative overrides the fields it declares and inherits the others from
 * the base operation, so each alternative becomes a whole plan of its own here, not at request time.
 */
import type { ResourceMethodName, UnifiedMethodName, UnifiedOperation } from '@switchboard/schema';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { childPointer, toPointer } from '../config/json-pointer.js';
import { type LocatedExpression, locateExpression } from '../mapping/located-expression.js';
import { createRecordMapper, type RecordMapper } from '../mapping/record-mapper.js';
import { callTarget } from './call-target.js';
import {
  DEFAULT_LIMIT,
  type ExpressionField,
  type OperationChoice,
  type OperationPlan,
  type PlanOrFailure,
} from './operation-plan.js';

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
const DEFAULT_FAN_OUT_CONCURRENCY = 4;
const DEFAULT_ENRICH_CONCURRENCY = 4;

/** Every declared unified operation's choice, keyed by {@link operationKey}. */
export function buildOperationPlans(integration: CompiledIntegration): Map<string, OperationChoice> {
  const plans = new Map<string, OperationChoice>();
  const models = (integration.definition.unified ?? {}) as Record<
    string,
    Record<string, Record<string, UnifiedOperation>>
  >;
  for (const [model, resources] of Object.entries(models)) {
    for (const [resource, methods] of Object.entries(resources)) {
      for (const [method, operation] of Object.entries(methods)) {
        plans.set(
          operationKey(model, resource, method),
          buildChoice(integration, { model, resource, method: method as UnifiedMethodName }, operation),
        );
      }
    }
  }
  return plans;
}

export function operationKey(model: string, resource: string, method: string): string {
  return `${model}\u0000${resource}\u0000${method}`;
}

interface OperationName {
  model: string;
  resource: string;
  method: UnifiedMethodName;
}

function buildChoice(
  integration: CompiledIntegration,
  name: OperationName,
  base: UnifiedOperation,
): OperationChoice {
  const { model, resource, method } = name;
  const basePointer = toPointer(['unified', model, resource, method]);
  const alternatives = (base.alternatives ?? []).map((alternative, index) => {
    const at = `${basePointer}/alternatives/${index}`;
    const when = locateExpression({
      integration,
      pointer: `${at}/when`,
      what: `${resource}.${method} alternative`,
      details: { model, resource, method },
    });
    return [
      when,
      planOrFailure(() => buildPlan(integration, name, base, basePointer, { alternative, at })),
    ] as const;
  });
  return {
    model,
    resource,
    method,
    alternatives,
    otherwise: planOrFailure(() => buildPlan(integration, name, base, basePointer)),
  };
}

/**
 * A plan the file declares but the engine cannot run (e.g. an undeclared resource) is refused when a request
 * chooses it, as it always was, rather than refusing the whole integration at load.
 */
function planOrFailure(build: () => OperationPlan): PlanOrFailure {
  try {
    return { plan: build() };
  } catch (failure) {
    return { failure };
  }
}

function buildPlan(
  integration: CompiledIntegration,
  { model, resource, method }: OperationName,
  base: UnifiedOperation,
  basePointer: string,
  chosen?: { alternative: UnifiedOperation; at: string },
): OperationPlan {
  // A field comes from the alternative when it declares it, from the base operation otherwise.
  const alternative = chosen?.alternative;
  const own = (key: keyof UnifiedOperation) => alternative !== undefined && alternative[key] !== undefined;
  const field = <K extends keyof UnifiedOperation>(key: K): UnifiedOperation[K] =>
    alternative !== undefined && alternative[key] !== undefined ? alternative[key] : base[key];
  const fieldPointer = (key: keyof UnifiedOperation) =>
    `${own(key) && chosen ? chosen.at : basePointer}/${key}`;

  const merge = field('merge');
  // A merged list has no resource of its own; its first source stands for it in locations and traces.
  const resourceName = field('resource') ?? merge?.sources[0]?.resource ?? '';
  const callMethod = (field('method') ??
    (merge ? merge.sources[0]?.method : undefined) ??
    method) as ResourceMethodName;
  const call = callTarget(integration, resourceName, callMethod);

  const details = { model, resource, method, upstream_resource: call.resource };
  const locate = (pointer: string, what: string): LocatedExpression =>
    locateExpression({ integration, pointer, what: `${resource}.${method} ${what}`, details });

  const expressions: OperationPlan['expressions'] = {};
  for (const key of EXPRESSION_FIELDS) {
    if (field(key) !== undefined) expressions[key] = locate(fieldPointer(key), key);
  }
  const pointer = chosen?.at ?? basePointer;
  const plan: OperationPlan = {
    integration,
    model,
    resource,
    method,
    call,
    expressions,
    filters: field('filters') ?? [],
    enrich: [],
    steps: [],
    result: field('result') ?? 'response',
    limit: field('limit') ?? DEFAULT_LIMIT,
    mapper: mappers(integration, expressions.response, {
      pointer,
      what: `${resource}.${method} response`,
      details,
    }),
  };

  const forEach = field('for_each');
  if (forEach) {
    const fanOutCall = callTarget(integration, forEach.resource, forEach.method ?? 'list');
    plan.forEach = {
      call: fanOutCall,
      concurrency: forEach.concurrency ?? DEFAULT_FAN_OUT_CONCURRENCY,
      ...(forEach.id !== undefined
        ? {
            id: locateExpression({
              integration,
              pointer: `${fieldPointer('for_each')}/id`,
              what: `${fanOutCall.label} for_each id`,
            }),
          }
        : {}),
    };
  }
  const current = field('current');
  if (current) {
    plan.current = {
      call: callTarget(integration, current.resource, current.method ?? 'get'),
      ...(current.id !== undefined ? { id: locate(`${fieldPointer('current')}/id`, 'current id') } : {}),
    };
  }
  const enrich = field('enrich');
  if (enrich) {
    const at = fieldPointer('enrich');
    plan.enrich = Object.entries(enrich).map(([name, declared]) => ({
      name,
      call: callTarget(integration, declared.resource, declared.method ?? 'list'),
      ...(declared.id !== undefined
        ? { id: locate(`${childPointer(at, name)}/id`, `enrich ${name} id`) }
        : {}),
      concurrency: declared.concurrency ?? DEFAULT_ENRICH_CONCURRENCY,
      always: declared.always ?? false,
    }));
  }
  const steps = field('steps');
  if (steps) {
    const at = fieldPointer('steps');
    plan.steps = steps.map((step, index) => ({
      call: callTarget(integration, step.resource, step.method ?? method),
      ...(step.when !== undefined ? { when: locate(`${at}/${index}/when`, `step ${index} when`) } : {}),
      ...(step.body !== undefined ? { body: locate(`${at}/${index}/body`, `step ${index} body`) } : {}),
      ...(step.id !== undefined ? { id: locate(`${at}/${index}/id`, `step ${index} id`) } : {}),
    }));
  }
  if (merge) {
    const at = fieldPointer('merge');
    plan.merge = {
      ...(merge.order_by !== undefined ? { orderBy: locate(`${at}/order_by`, 'merge order_by') } : {}),
      direction: merge.direction ?? 'asc',
      sources: merge.sources.map((source, index) => {
        const sourcePointer = `${at}/sources/${index}`;
        const own = { ...expressions };
        for (const key of SOURCE_FIELDS) {
          if (source[key] !== undefined) own[key] = locate(`${sourcePointer}/${key}`, key);
        }
        return {
          ...plan,
          call: callTarget(integration, source.resource, source.method ?? 'list'),
          expressions: own,
          mapper: mappers(integration, own.response, {
            pointer: sourcePointer,
            what: `${resource}.${method} response`,
            details,
          }),
        };
      }),
    };
  }
  return plan;
}

/** The operation's record mappers, made once: with `remote_data` (the default) and without. */
function mappers(
  integration: CompiledIntegration,
  response: LocatedExpression | undefined,
  identity: { pointer: string; what: string; details: Record<string, unknown> },
): (remoteData: boolean) => RecordMapper {
  // Without `response:` the upstream record is the unified record; the operation's site locates errors.
  const site = response ?? { integration, ...identity };
  const withRemote = createRecordMapper({ site, identity: response === undefined, remoteData: true });
  const without = createRecordMapper({ site, identity: response === undefined, remoteData: false });
  return (remoteData) => (remoteData ? withRemote : without);
}
