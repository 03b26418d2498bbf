/**
 * @module Reading one record through a resolved `get` operation; shared by `get` and writes with
 * `result: get` (the re-read joins the write's trace and raw bodies).
 */
import { RecordNotFound } from '../errors.js';
import { evaluateAt } from '../mapping/evaluate-at.js';
import { callUpstream } from './call-upstream.js';
import { extractRecord } from './extract-records.js';
import type { OperationContext } from './operation-context.js';
import { siteOf } from './operation-sites.js';
import { operationMapper, pageBindings } from './record-mapping.js';
import type { ResolvedOperation } from './resolve-operation.js';
import { resourceRequest } from './resource-request.js';

/**
 * The upstream id for a unified id: the operation's `id:` expression (input and `$id`: the unified id), or the
 * id itself. Undefined when the expression says no upstream record can have this id.
 */
export async function upstreamIdOf(
  context: OperationContext,
  operation: ResolvedOperation,
  id: string | undefined,
  body?: unknown,
): Promise<string | undefined> {
  const site = siteOf(operation, 'id');
  if (!site) return id;
  const value = await evaluateAt(site, id, {
    id,
    body,
    query: {},
    parent: undefined,
    connection: context.connection,
    now: context.now,
  });
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

export async function readOne(
  context: OperationContext,
  operation: ResolvedOperation,
  id: string,
  remoteData: boolean | undefined,
): Promise<Record<string, unknown>> {
  const notFound = () =>
    new RecordNotFound(`${operation.resource} ${id}`, {
      details: { integration: context.integration.name, resource: operation.resource, id },
    });
  const upstreamId = await upstreamIdOf(context, operation, id);
  if (upstreamId === undefined) throw notFound();
  const request = resourceRequest(context, operation.call, { id: upstreamId });
  const response = await callUpstream(context, request, {
    target: operation.call,
    errorSite: siteOf(operation, 'error'),
  });
  const record = await extractRecord(context, operation.call, response);
  if (record === null || record === undefined) throw notFound();
  const out: Record<string, unknown>[] = [];
  await operationMapper(operation, remoteData).mapInto(record, pageBindings(context, response, {}), out);
  const [first] = out;
  if (!first) throw notFound();
  return first;
}
