/**
 * @module Steps of a write with `current:`, planned before its first write call: each step's `when`, `id` and
 * `body` are evaluated up front with `$current` (and without `$previous`, which does not exist yet). A step that
 * refuses (`$error(…)` in `when`, `id` or `body`) therefore fails the write with a 400 before anything changed;
 * the planned calls are then made in order after the main call.
 */
import { secretHelper } from '../mapping/secret-helper.js';
import { isTruthy } from '../mapping/truthy.js';
import type { CallTarget } from './call-target.js';
import { callUpstream } from './call-upstream.js';
import type { OperationContext } from './operation-context.js';
import type { OperationPlan } from './operation-plan.js';
import { resourceRequest } from './resource-request.js';
import { addressOf, type UpstreamAddress } from './upstream-address.js';

export interface PlanInput {
  id: string | undefined;
  upstreamId: UpstreamAddress | undefined;
  body: unknown;
  current: unknown;
}

export interface PlannedStep {
  call: CallTarget;
  address: UpstreamAddress;
  body?: unknown;
}

/** The bindings every planned step sees. */
function stepBindings(context: OperationContext, input: PlanInput): Record<string, unknown> {
  return {
    id: input.id,
    body: input.body,
    current: input.current,
    previous: undefined,
    query: {},
    parent: undefined,
    connection: context.connection,
    now: context.now,
    secret: secretHelper(context.session),
  };
}

export async function planSteps(
  context: OperationContext,
  operation: OperationPlan,
  input: PlanInput,
): Promise<PlannedStep[]> {
  const bindings = stepBindings(context, input);
  const planned: PlannedStep[] = [];
  for (const step of operation.steps) {
    if (step.when && !isTruthy(await step.when.evaluate(input.body, bindings))) {
      continue;
    }
    let address = input.upstreamId;
    if (step.id) {
      address = addressOf(await step.id.evaluate(input.id, bindings), step.id);
    }
    const next: PlannedStep = { call: step.call, address: address ?? {} };
    if (step.body) {
      const body = await step.body.evaluate(input.body, bindings);
      if (body !== undefined && body !== null) next.body = body;
    }
    // Render now too: a missing placeholder is the caller's problem (400) and must also come before any change.
    resourceRequest(context, next.call, next.address);
    planned.push(next);
  }
  return planned;
}

export async function runPlannedSteps(
  context: OperationContext,
  operation: OperationPlan,
  planned: readonly PlannedStep[],
): Promise<void> {
  for (const step of planned) {
    const request = resourceRequest(context, step.call, step.address);
    if (step.body !== undefined) request.body = step.body;
    await callUpstream(context, request, { target: step.call, errorSite: operation.expressions.error });
  }
}
