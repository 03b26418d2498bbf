/**
 * @module The Proxy API: a declared resource, 1-to-1. The resource method is chosen by shape (GET without id →
 * list, GET with id → get, POST → create, PUT/PATCH → update, DELETE → delete). Lists answer the list envelope
 * with the raw upstream records, paged and cursored like unified lists, and so does a get that declares
 * `pagination:` (its answer is a collection, e.g. a group's members); single calls answer the body as is.
 * `POST` with an id is an action on one record (the resource's `create` with `{{ id }}` in its path, e.g. a
 * lifecycle call). Named placeholders of the path are filled from query parameters of the same name.
 */
import type { HttpMethod, ResourceMethodName } from '@switchboard/schema';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { issueCursor } from '../cursor/issue-cursor.js';
import { isPagePosition, type ListPosition } from '../cursor/list-position.js';
import { queryBinding } from '../cursor/query-binding.js';
import { InvalidCursor, RecordNotFound } from '../errors.js';
import type { PagePosition } from '../http/pagination/strategy.js';
import { type CallTarget, callTarget } from './call-target.js';
import { callUpstream } from './call-upstream.js';
import { carryRest, resumePages } from './carry.js';
import { collectRecords } from './collect-records.js';
import type { ProxyInput, ProxyResult } from './contract.js';
import type { EngineInternals } from './engine-internals.js';
import { takeNamedPlaceholders } from './named-placeholders.js';
import { extrasOf, type OperationContext, openOperation } from './operation-context.js';
import { flatPages } from './page-source.js';
import { resolveLimit } from './resolve-limit.js';
import { resourceRequest } from './resource-request.js';
import { staticResponse } from './static-resource.js';

/** Proxy lists have no `limit:` of their own: the upstream page size by default, at most this many. */
const PROXY_MAX_LIMIT = 1000;
const PROXY_DEFAULT_LIMIT = 50;

export function proxyMethod(method: HttpMethod, id: string | undefined): ResourceMethodName {
  switch (method) {
    case 'GET':
      return id === undefined ? 'list' : 'get';
    case 'POST':
      return 'create';
    case 'PUT':
    case 'PATCH':
      return 'update';
    case 'DELETE':
      return 'delete';
  }
}

/** A list, or a get whose answer is a paged collection (a group's members): both page like a list. */
function pagesLikeAList(target: CallTarget): boolean {
  return target.method === 'list' || (target.method === 'get' && target.paging !== undefined);
}

/**
 * Whether a proxy call answers the list envelope, paged by `limit` and `cursor` — so a caller knows, before the
 * call, whether those are the engine's or (a get that is not paged) ordinary parameters to forward. False for a
 * resource or method the integration does not declare: the call itself then says what is wrong.
 */
export function proxyPaged(
  integration: CompiledIntegration,
  call: { resource: string; method: HttpMethod; id?: string | undefined },
): boolean {
  try {
    return pagesLikeAList(callTarget(integration, call.resource, proxyMethod(call.method, call.id)));
  } catch {
    return false;
  }
}

export async function runProxy(engine: EngineInternals, input: ProxyInput): Promise<ProxyResult> {
  const context = openOperation(engine, input);
  const { integration } = context;
  const target = callTarget(integration, input.resource, proxyMethod(input.method, input.id));
  // `{{ group_id }}` in the path comes from `?group_id=…`, which is then not forwarded as a query parameter.
  const { named, rest: query } = takeNamedPlaceholders(target, input.query ?? {});

  if (pagesLikeAList(target)) {
    return proxyList(context, engine, input, target, { query, named });
  }

  if (target.static) {
    const response = staticResponse(context, target.static, input.id);
    if (response.body === undefined) {
      throw new RecordNotFound(`${input.resource} ${input.id}`, {
        details: { integration: integration.name, resource: input.resource, id: input.id },
      });
    }
    return { kind: 'single', status: 200, body: response.body, ...extrasOf(context) };
  }
  const request = resourceRequest(context, target, { id: input.id, named });
  if (Object.keys(query).length > 0) request.query = { ...request.query, ...query };
  if (input.body !== undefined) request.body = input.body;
  const response = await callUpstream(context, request, { target });
  return { kind: 'single', status: response.status, body: response.body, ...extrasOf(context) };
}

/**
 * A proxy list: raw upstream records in the list envelope, paged and cursored like unified lists. A paged get
 * (`pagination:` on a `get`) is one too: `{{ id }}` names the collection's owner, and the cursor is bound to it.
 */
async function proxyList(
  context: OperationContext,
  engine: EngineInternals,
  input: ProxyInput,
  target: CallTarget,
  { query, named }: { query: Record<string, string>; named: Record<string, string> },
): Promise<ProxyResult> {
  const declaredPageSize = target.paging?.scheme.page_size?.value;
  const limit = resolveLimit(input.limit, {
    default: Math.min(declaredPageSize ?? PROXY_DEFAULT_LIMIT, PROXY_MAX_LIMIT),
    max: PROXY_MAX_LIMIT,
  });
  const binding = queryBinding({
    integration: context.integration.name,
    accountId: input.account.id,
    model: 'proxy',
    // Resource names hold no `/`, so a paged get's binding never equals a list's.
    resource: input.id === undefined ? input.resource : `${input.resource}/${input.id}`,
    remoteQuery: { ...query, ...named },
  });
  const cursor = input.cursor === undefined ? undefined : engine.cursors.decode(input.cursor, binding);
  if (cursor && !isPagePosition(cursor.p)) throw new InvalidCursor('it does not fit this query');
  // Sized like unified lists: the first call's limit, carried in the cursor (absent in older cursors).
  const pageSize = cursor ? cursor.z : limit;
  if (cursor?.r && cursor.r.n !== null && !isPagePosition(cursor.r.n)) {
    throw new InvalidCursor('it does not fit this query');
  }
  const pagesFrom = (start: ListPosition | undefined) =>
    flatPages(context, {
      target,
      scope: { id: input.id, named },
      query: [query],
      start: start as PagePosition | undefined,
      pageSize,
      recordsAsBytes: input.itemsAsBytes === true,
    });
  // The rest of a page the previous call stopped in, when it rode in the cursor (`run/carry.ts`).
  const collected = await collectRecords<unknown>({
    pages: resumePages(
      cursor && { p: cursor.p as PagePosition, r: cursor.r },
      { label: target.label },
      pagesFrom,
    ),
    limit,
    skip: cursor?.s,
    trace: context.trace,
  });
  const next = collected.next ? carryRest(collected.next, collected.last) : null;
  return {
    kind: 'list',
    result: collected.records,
    next_cursor: next
      ? issueCursor(
          engine.cursors,
          { q: binding, ...next, ...(pageSize === undefined ? {} : { z: pageSize }) },
          { integration: context.integration.name, resource: `proxy/${input.resource}` },
        )
      : null,
    result_count: collected.records.length,
    ...extrasOf(context),
  };
}
