/**
 * @module Reading one record through a resolved `get` operation; shared by `get` and writes with
 * `result: get` (the re-read joins the write's trace and raw bodies).
 */
import { RecordNotFound } from '../errors.js';
import { callUpstream } from './call-upstream.js';
import { createEnricher } from './enrichment.js';
import { extractRecord } from './extract-records.js';
import type { OperationContext } from './operation-context.js';
import type { EnrichPlan, OperationPlan } from './operation-plan.js';
import { pageBindings, type RunBindings } from './record-mapping.js';
import { operationHeaders } from './request-headers.js';
import { resourceRequest } from './resource-request.js';
import { staticResponse } from './static-resource.js';
import { addressOf, type UpstreamAddress } from './upstream-address.js';

/**
 * The upstream address for a unified id: the operation's `id:` expression (input and `$id`: the unified id) —
 * an id or named parts — or the id itself. Undefined when the expression says no upstream record can have this
 * id.
 */
export async function upstreamAddressOf(
  context: OperationContext,
  operation: OperationPlan,
  id: string | undefined,
  body?: unknown,
  current?: unknown,
): Promise<UpstreamAddress | undefined> {
  const site = operation.expressions.id;
  if (!site) return id === undefined || id === '' ? undefined : { id };
  const value = await site.evaluate(id, {
    id,
    body,
    current,
    query: {},
    parent: undefined,
    connection: context.connection,
    now: context.now,
  });
  return addressOf(value, site);
}

export async function readOne(
  context: OperationContext,
  operation: OperationPlan,
  id: string,
  remoteData: boolean | undefined,
  /** Default: the `always` enrichments (e.g. the re-read after a write). */
  enrich: readonly EnrichPlan[] = operation.enrich.filter((plan) => plan.always),
): Promise<Record<string, unknown>> {
  const notFound = () =>
    new RecordNotFound(`${operation.resource} ${id}`, {
      details: { integration: context.integration.name, resource: operation.resource, id },
    });
  const address = await upstreamAddressOf(context, operation, id);
  if (address === undefined) throw notFound();
  const request = resourceRequest(context, operation.call, address);
  const headers = await operationHeaders(context, operation, {
    filters: {},
    params: request.query ?? {},
    id,
  });
  if (Object.keys(headers).length > 0) request.headers = { ...request.headers, ...headers };
  const response = operation.call.static
    ? staticResponse(context, operation.call.static, address.id)
    : await callUpstream(context, request, {
        target: operation.call,
        errorSite: operation.expressions.error,
      });
  const record = await extractRecord(operation.call, response);
  if (record === null || record === undefined) throw notFound();
  const out: Record<string, unknown>[] = [];
  // `$id`: the unified id asked for, e.g. when the upstream answer lacks it.
  const bindings: RunBindings = { ...pageBindings(context, response, {}), id };
  const enricher = createEnricher(context, operation, enrich, {});
  if (enricher) {
    try {
      bindings.enriched = await enricher.forRecord([record], 0);
    } finally {
      await enricher.close();
    }
  }
  await operation.mapper(remoteData ?? true).mapInto(record, bindings, out);
  const [first] = out;
  if (!first) throw notFound();
  return first;
}
