/**
 * @module `unified.<model>.<resource>.<method>` → the plan to run: the first alternative whose `when` holds
 * (input and `$query`: the unified filters; `$id`: the unified id) or the base plan. Everything else was
 * decided when the plans were built.
 */
import type { UnifiedMethodName } from '@switchboard/schema';
import { UnsupportedOperation } from '../errors.js';
import { isTruthy } from '../mapping/truthy.js';
import { operationKey } from './build-operation-plans.js';
import type { OperationContext } from './operation-context.js';
import type { OperationPlan, PlanOrFailure } from './operation-plan.js';

export interface ChooseInput {
  model: string;
  resource: string;
  method: UnifiedMethodName;
  filters: Record<string, string>;
  /** The unified id (get, update, delete): `$id` in alternatives' `when`. */
  id?: string | undefined;
}

export async function choosePlan(context: OperationContext, input: ChooseInput): Promise<OperationPlan> {
  const { integration, engine } = context;
  const { model, resource, method } = input;
  const choice = engine.plans(integration.name).get(operationKey(model, resource, method));
  if (!choice) {
    throw new UnsupportedOperation(`${method} ${model}/${resource}`, {
      details: { integration: integration.name, model, resource, method },
    });
  }
  const bindings = { query: input.filters, id: input.id, connection: context.connection, now: context.now };
  for (const [when, plan] of choice.alternatives) {
    if (isTruthy(await when.evaluate(input.filters, bindings))) return planOf(plan);
  }
  return planOf(choice.otherwise);
}

function planOf(plan: PlanOrFailure): OperationPlan {
  if ('failure' in plan) throw plan.failure;
  return plan.plan;
}
