/**
 * @module `current:` — the record a write is about to change, read before anything else and bound as
 * `$current` (the upstream record after the resource method's `record:` path). Writes whose calls depend on
 * the record's state (status transitions: unsuspend vs activate vs unlock) choose them from it declaratively.
 */
import { callUpstream } from './call-upstream.js';
import { extractRecord } from './extract-records.js';
import type { OperationContext } from './operation-context.js';
import type { OperationPlan } from './operation-plan.js';
import { resourceRequest } from './resource-request.js';
import { staticResponse } from './static-resource.js';
import { addressOf, type UpstreamAddress } from './upstream-address.js';

export interface CurrentInput {
  /** The unified id of the write. */
  id: string | undefined;
  /** The write's upstream address (`{{ id }}` of the read unless `current.id` says otherwise). */
  address: UpstreamAddress | undefined;
  body: unknown;
}

export async function readCurrent(
  context: OperationContext,
  operation: OperationPlan,
  input: CurrentInput,
): Promise<unknown> {
  const plan = operation.current;
  if (!plan) return undefined;
  let address = input.address;
  if (plan.id) {
    const site = plan.id;
    address = addressOf(
      await site.evaluate(input.id, {
        id: input.id,
        body: input.body,
        query: {},
        parent: undefined,
        connection: context.connection,
        now: context.now,
      }),
      site,
    );
  }
  const request = resourceRequest(context, plan.call, address ?? {});
  const response = plan.call.static
    ? staticResponse(context, plan.call.static, address?.id)
    : await callUpstream(context, request, { target: plan.call, errorSite: operation.expressions.error });
  return extractRecord(plan.call, response);
}
