/**
 * @module `steps:` — extra upstream calls a write makes after its main call, each only `when` its condition
 * holds (e.g. lock a user after updating it). Bindings: `$id` (unified id), `$body` (unified body),
 * `$previous` (the previous call's response body), `$connection`, `$now`.
 */
import type { UpstreamResponse } from '../http/upstream.js';
import { secretHelper } from '../mapping/secret-helper.js';
import { isTruthy } from '../mapping/truthy.js';
import { callUpstream } from './call-upstream.js';
import type { OperationContext } from './operation-context.js';
import type { OperationPlan } from './operation-plan.js';
import { resourceRequest } from './resource-request.js';
import { addressOf, type UpstreamAddress } from './upstream-address.js';

export interface StepsInput {
  /** The unified id of the record written (for create: the created one). */
  id: string | undefined;
  /** The upstream address steps call with unless they compute their own. */
  upstreamId: UpstreamAddress | undefined;
  body: unknown;
  previous: UpstreamResponse | undefined;
}

/** Runs the steps in order; returns the last response (or `previous` when none ran). */
export async function runSteps(
  context: OperationContext,
  operation: OperationPlan,
  input: StepsInput,
): Promise<UpstreamResponse | undefined> {
  let previous = input.previous;
  for (const step of operation.steps) {
    const bindings = {
      id: input.id,
      body: input.body,
      previous: previous?.body,
      query: {},
      parent: undefined,
      connection: context.connection,
      now: context.now,
      secret: secretHelper(context.session),
    };
    if (step.when && !isTruthy(await step.when.evaluate(input.body, bindings))) {
      continue;
    }
    let address = input.upstreamId;
    if (step.id) {
      address = addressOf(await step.id.evaluate(input.id, bindings), step.id);
    }
    const request = resourceRequest(context, step.call, address ?? {});
    if (step.body) {
      const body = await step.body.evaluate(input.body, bindings);
      if (body !== undefined && body !== null) request.body = body;
    }
    previous = await callUpstream(context, request, {
      target: step.call,
      errorSite: operation.expressions.error,
    });
  }
  return previous;
}
