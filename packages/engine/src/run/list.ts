/**
 * @module `list`: resolve the operation, check filters and limit, page through the upstream (or fan out),
 * map and filter each record, stop at `limit`, and sign a cursor for where the next call starts.
 */
import { isFanOutPosition, isPagePosition } from '../cursor/list-position.js';
import { queryBinding } from '../cursor/query-binding.js';
import { InvalidCursor, InvalidInput } from '../errors.js';
import { evaluateAt } from '../mapping/evaluate-at.js';
import { toQueryParams } from '../mapping/query-params.js';
import type { MappingBindings } from '../mapping/record-mapper.js';
import { isTruthy } from '../mapping/truthy.js';
import { checkFilters } from './check-filters.js';
import { collectRecords, type RecordTransform } from './collect-records.js';
import type { ListInput, ListResult } from './contract.js';
import type { EngineInternals } from './engine-internals.js';
import { fanOutPages } from './fan-out-pages.js';
import { extrasOf, type OperationContext, openOperation } from './operation-context.js';
import { siteOf } from './operation-sites.js';
import { flatPages, type SourcePage } from './page-source.js';
import { operationMapper, pageBindings } from './record-mapping.js';
import { resolveLimit } from './resolve-limit.js';
import { type ResolvedOperation, resolveOperation } from './resolve-operation.js';

export async function runList(engine: EngineInternals, input: ListInput): Promise<ListResult> {
  const context = openOperation(engine, input);
  const { integration, connection, now } = context;
  const filters = input.filters ?? {};
  const operation = await resolveOperation(integration, {
    model: input.model,
    resource: input.resource,
    method: 'list',
    filters,
    connection,
    now,
  });
  checkFilters(operation, filters);
  const limit = resolveLimit(input.limit, operation.limit);

  const binding = queryBinding({
    integration: integration.name,
    accountId: input.account.id,
    model: input.model,
    resource: input.resource,
    filters,
    remoteQuery: input.remoteQuery,
  });
  const cursor = input.cursor === undefined ? undefined : engine.cursors.decode(input.cursor, binding);
  if (cursor && !(operation.forEach ? isFanOutPosition(cursor.p) : isPagePosition(cursor.p))) {
    throw new InvalidCursor('it does not fit this query');
  }

  const querySite = siteOf(operation, 'query');
  const filterQuery = querySite
    ? toQueryParams(await evaluateAt(querySite, filters, { query: filters, connection, now }), querySite)
    : {};
  refuseCollisions(input.remoteQuery, filterQuery);
  const errorSite = siteOf(operation, 'error');
  const child = { target: operation.call, query: [filterQuery, input.remoteQuery ?? {}], errorSite };
  const pages = operation.forEach
    ? fanOutPages(context, {
        plan: operation.forEach,
        child,
        start: cursor && isFanOutPosition(cursor.p) ? cursor.p : undefined,
        filters,
        errorSite,
      })
    : flatPages(context, { ...child, start: cursor && isPagePosition(cursor.p) ? cursor.p : undefined });

  const collected = await collectRecords<Record<string, unknown>>({
    pages,
    limit,
    skip: cursor?.s,
    transform: recordTransform(context, operation, filters, input.remoteData),
    trace: context.trace,
  });
  return {
    result: collected.records,
    next_cursor: collected.next
      ? engine.cursors.encode({ q: binding, p: collected.next.position, s: collected.next.skip })
      : null,
    result_count: collected.records.length,
    ...extrasOf(context),
  };
}

/** Map, flat-map, then apply `filter:`; bindings are built once per page. */
function recordTransform(
  context: OperationContext,
  operation: ResolvedOperation,
  filters: Record<string, string>,
  remoteData: boolean | undefined,
): RecordTransform {
  const mapper = operationMapper(operation, remoteData);
  const filterSite = siteOf(operation, 'filter');
  let bindingsPage: SourcePage | undefined;
  let bindings: MappingBindings | undefined;
  return async (record, page, out) => {
    if (page !== bindingsPage || bindings === undefined) {
      bindingsPage = page;
      bindings = pageBindings(context, page.response, filters, page.parent);
    }
    const before = out.length;
    await mapper.mapInto(record, bindings, out as Record<string, unknown>[]);
    if (!filterSite) return;
    let kept = before;
    for (let i = before; i < out.length; i++) {
      const id = (record as { id?: unknown } | null)?.id;
      if (
        isTruthy(await evaluateAt(filterSite, out[i], bindings as unknown as Record<string, unknown>, id))
      ) {
        out[kept++] = out[i];
      }
    }
    out.length = kept;
  };
}

/**
 * `remote_query` is forwarded untouched, so it may not silently replace a parameter a unified filter produced: that
 * would answer a different filter than the one asked for.
 */
function refuseCollisions(
  remoteQuery: Record<string, string> | undefined,
  filterQuery: Record<string, unknown>,
): void {
  const clashes = Object.keys(remoteQuery ?? {}).filter((name) => Object.hasOwn(filterQuery, name));
  if (clashes.length > 0) {
    throw new InvalidInput(
      `remote_query parameter(s) ${clashes.join(', ')} would replace what the unified filters send upstream`,
      { details: { remote_query: clashes } },
    );
  }
}
