/**
 * @module `create`, `update` and `delete`: map the unified body, make the main call, run `steps`, then answer
 * per `result:` — the mapped upstream response (default), a fresh `get`, or the input echoed with the id.
 * An update whose body mapping yields nothing skips the main call when it has steps (e.g. only a lock).
 * With `current:`, the record is read first (`$current`) and the body and every step are planned before the
 * first write call, so a refused transition changes nothing.
 */
import { type UnifiedMethodName, writeOnlyFields } from '@switchboard/schema';
import { RecordNotFound } from '../errors.js';
import type { UpstreamResponse } from '../http/upstream.js';
import { secretHelper } from '../mapping/secret-helper.js';
import { callUpstream } from './call-upstream.js';
import { choosePlan } from './choose-plan.js';
import type { RecordResult } from './contract.js';
import { readCurrent } from './current-record.js';
import type { EngineInternals } from './engine-internals.js';
import { extractRecord } from './extract-records.js';
import { extrasOf, type OperationInputBase, openOperation } from './operation-context.js';
import { planSteps, runPlannedSteps } from './planned-steps.js';
import { readOne, upstreamAddressOf } from './read-one.js';
import { pageBindings } from './record-mapping.js';
import { operationHeaders } from './request-headers.js';
import { resourceRequest } from './resource-request.js';
import { runSteps } from './steps.js';
import type { UpstreamAddress } from './upstream-address.js';

export interface WriteInput extends OperationInputBase {
  model: string;
  resource: string;
  remoteData?: boolean | undefined;
  id?: string | undefined;
  body?: Record<string, unknown> | undefined;
}

export async function runWrite(
  engine: EngineInternals,
  method: Extract<UnifiedMethodName, 'create' | 'update' | 'delete'>,
  input: WriteInput,
): Promise<RecordResult> {
  const context = openOperation(engine, input);
  const { integration, connection, now } = context;
  const resolve = (which: UnifiedMethodName, id = input.id) =>
    choosePlan(context, { model: input.model, resource: input.resource, method: which, filters: {}, id });
  const operation = await resolve(method);
  const unifiedBody = input.body;

  let upstreamId: UpstreamAddress | undefined;
  // A create may still address a parent (e.g. the role a member is added to) through its `id:` expression.
  if (input.id !== undefined || (method === 'create' && operation.expressions.id)) {
    upstreamId = await upstreamAddressOf(context, operation, input.id, unifiedBody);
    if (upstreamId === undefined) {
      throw new RecordNotFound(`${input.resource} ${input.id ?? '(no id)'}`, {
        details: { integration: integration.name, resource: input.resource, id: input.id },
      });
    }
  }

  // `current:`: the record as it is now, read before anything is changed.
  const current = operation.current
    ? await readCurrent(context, operation, { id: input.id, address: upstreamId, body: unifiedBody })
    : undefined;

  let upstreamBody: unknown = method === 'delete' ? undefined : unifiedBody;
  const bodySite = operation.expressions.body;
  if (bodySite) {
    upstreamBody = await bodySite.evaluate(unifiedBody ?? {}, {
      id: input.id,
      body: unifiedBody,
      current,
      query: {},
      parent: undefined,
      connection,
      now,
      secret: secretHelper(context.session),
    });
  }

  // Planned before the first write call: an `$error(…)` in a step refuses the write with nothing changed.
  const planned = operation.current
    ? await planSteps(context, operation, { id: input.id, upstreamId, body: unifiedBody, current })
    : undefined;

  const skipMain =
    method === 'update' &&
    bodySite !== undefined &&
    (upstreamBody === undefined || upstreamBody === null) &&
    operation.steps.length > 0;
  let response: UpstreamResponse | undefined;
  let mapped: Record<string, unknown> | undefined;
  let record: unknown;
  if (!skipMain) {
    const request = resourceRequest(context, operation.call, upstreamId);
    if (upstreamBody !== undefined && upstreamBody !== null) request.body = upstreamBody;
    const headers = await operationHeaders(context, operation, {
      filters: {},
      params: request.query ?? {},
      id: input.id,
      body: unifiedBody,
      current,
    });
    if (Object.keys(headers).length > 0) request.headers = { ...request.headers, ...headers };
    response = await callUpstream(context, request, {
      target: operation.call,
      errorSite: operation.expressions.error,
    });
    record = await extractRecord(operation.call, response);
    // Arrays too: some upstreams answer a write with a list (OneLogin: `[{"id": <user>}]` on role members).
    if (method !== 'delete' && record !== null && typeof record === 'object') {
      const out: Record<string, unknown>[] = [];
      await operation
        .mapper(input.remoteData ?? true)
        .mapInto(record, pageBindings(context, response, {}, undefined, unifiedBody), out);
      mapped = out[0];
    }
  }

  let id = input.id;
  let stepsUpstreamId = upstreamId;
  if (method === 'create') {
    const rawId = idText((record as { id?: unknown } | undefined)?.id);
    id = idText(mapped?.['id']) ?? rawId;
    const created = rawId ?? id;
    stepsUpstreamId = created === undefined ? undefined : { ...upstreamId, id: created };
  }
  if (planned) await runPlannedSteps(context, operation, planned);
  else {
    await runSteps(context, operation, {
      id,
      upstreamId: stepsUpstreamId,
      body: unifiedBody,
      previous: response,
    });
  }

  let result: Record<string, unknown>;
  if (method === 'delete') result = { id: input.id };
  else if (operation.result === 'get' || (skipMain && operation.result === 'response')) {
    if (id === undefined) throw new RecordNotFound(`the ${method}d ${input.resource}`);
    result = await readOne(context, await resolve('get', id), id, input.remoteData);
  } else if (operation.result === 'body') {
    result = echo(unifiedBody, id, writeOnlyFields(input.model, input.resource));
    if ((input.remoteData ?? true) && record !== null && typeof record === 'object')
      result['remote_data'] = record;
  } else result = mapped ?? (id === undefined ? {} : { id });
  return { record: result, ...extrasOf(context) };
}

/** The body as the record, without the fields the unified model marks write-only (`password`). */
function echo(
  body: Record<string, unknown> | undefined,
  id: string | undefined,
  writeOnly: ReadonlySet<string>,
): Record<string, unknown> {
  const echoed: Record<string, unknown> = {};
  if (id !== undefined) echoed['id'] = id;
  for (const [key, value] of Object.entries(body ?? {}))
    if (!writeOnly.has(key) && key !== 'id') echoed[key] = value;
  return echoed;
}

function idText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;
}
