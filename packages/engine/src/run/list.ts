/**
 * @module `list`: resolve the operation, check filters and limit, page through the upstream (or fan out),
 * map and filter each record, stop at `limit`, and sign a cursor for where the next call starts.
 */

import { issueCursor } from '../cursor/issue-cursor.js';
import {
  type FanOutPosition,
  isFanOutPosition,
  isMergedPosition,
  isPagePosition,
  type ListPosition,
  NO_SKIP,
  type SourcePosition,
} from '../cursor/list-position.js';
import { queryBinding } from '../cursor/query-binding.js';
import { InvalidCursor, InvalidInput } from '../errors.js';
import { FIRST_PAGE } from '../http/pagination/paginate.js';
import type { PagePosition } from '../http/pagination/strategy.js';
import { toQueryParams } from '../mapping/query-params.js';
import { isTruthy } from '../mapping/truthy.js';
import { CARRY_MAX_BYTES, carryRest, jsonBytes, mayCarry, resumePages } from './carry.js';
import { checkFilters } from './check-filters.js';
import { choosePlan } from './choose-plan.js';
import { collectRecords, type RecordTransform } from './collect-records.js';
import type { ListInput, ListResult } from './contract.js';
import type { EngineInternals } from './engine-internals.js';
import { activeEnrichments, createEnricher, type Enricher } from './enrichment.js';
import { fanOutPages } from './fan-out-pages.js';
import { mergeSources } from './merge-sources.js';
import { extrasOf, type OperationContext, openOperation } from './operation-context.js';
import type { OperationPlan } from './operation-plan.js';
import { flatPages, type SourcePage } from './page-source.js';
import { pageBindings, type RunBindings } from './record-mapping.js';
import { operationHeaders } from './request-headers.js';
import { resolveLimit } from './resolve-limit.js';
import { sourceOutputs } from './source-outputs.js';

export async function runList(engine: EngineInternals, input: ListInput): Promise<ListResult> {
  const context = openOperation(engine, input);
  const filters = input.filters ?? {};
  const operation = await choosePlan(context, {
    model: input.model,
    resource: input.resource,
    method: 'list',
    filters,
  });
  checkFilters(operation, filters);
  const limit = resolveLimit(input.limit, operation.limit);
  const enrich = activeEnrichments(operation, input.expand);
  // One enricher per upstream source; closed when the answer is complete (or failed).
  const enrichers: Enricher[] = [];
  const enricherFor = (source: OperationPlan) => {
    const enricher = createEnricher(context, source, enrich, filters);
    if (enricher) enrichers.push(enricher);
    return enricher;
  };
  try {
    return await listPages(context, input, operation, { filters, limit, enricherFor });
  } finally {
    await Promise.all(enrichers.map((enricher) => enricher.close()));
  }
}

interface ListPlan {
  filters: Record<string, string>;
  limit: number;
  enricherFor: (source: OperationPlan) => Enricher | undefined;
}

async function listPages(
  context: OperationContext,
  input: ListInput,
  operation: OperationPlan,
  { filters, limit, enricherFor }: ListPlan,
): Promise<ListResult> {
  const { engine, integration, connection, now } = context;

  const binding = queryBinding({
    integration: integration.name,
    accountId: input.account.id,
    model: input.model,
    resource: input.resource,
    filters,
    remoteQuery: input.remoteQuery,
  });
  const cursor = input.cursor === undefined ? undefined : engine.cursors.decode(input.cursor, binding);
  if (cursor && !fitsOperation(operation, cursor.p)) throw new InvalidCursor('it does not fit this query');
  const remoteQuery = input.remoteQuery ?? {};
  // The upstream page is sized to the first call's limit and stays that size for the whole listing (the cursor
  // carries it). A cursor without one (made before sizes were carried) keeps the declared page size. In a
  // fan-out the child pages are sized (they are what the caller pages through); its parent pages keep the
  // declared size (parents are not the caller's records). Merged sources keep their declared sizes: one answer
  // takes a share of each source's page, so answer-sized pages are read again on most calls unless their rest
  // rides in the cursor, and real log records are too big for that (Entra's merged activities: 127 calls at
  // limit=30 sized, 101 at the declared 100).
  const pageSize = operation.merge ? undefined : cursor ? cursor.z : limit;
  const sized = pageSize === undefined ? {} : { z: pageSize };
  const site = { integration: integration.name, resource: `${input.model}/${input.resource}` };

  if (operation.merge) {
    const { merge } = operation;
    const start = cursor && isMergedPosition(cursor.p) ? cursor.p : undefined;
    const sources = await Promise.all(
      merge.sources.map(async (source, index) => {
        const at = start ? start.m[index] : { p: FIRST_PAGE, s: NO_SKIP };
        if (at === null || at === undefined) return undefined;
        const call = await callInput(context, source, filters, remoteQuery);
        const pagesFrom = (from: ListPosition | undefined) =>
          flatPages(context, { ...call, start: from as PagePosition | undefined, pageSize });
        return sourceOutputs(
          resumePages(at, { label: call.target.label }, pagesFrom),
          at.s,
          recordTransform(context, source, filters, input.remoteData, enricherFor(source)),
          context.trace,
        );
      }),
    );
    const merged = await mergeSources({
      sources,
      limit,
      orderBy: merge.orderBy,
      direction: merge.direction,
      bindings: { query: filters, connection, now },
    });
    // Each source's rest rides in the cursor when it fits its share of the cap: one answer takes a share of
    // every source's page, and the rest of each is what the next answer starts from.
    const budget = Math.floor(CARRY_MAX_BYTES / merge.sources.length);
    const next = merged.next
      ? {
          m: merged.next.m.map((position, index) => {
            const source = merge.sources[index] as OperationPlan;
            if (position === null || !mayCarry(source)) return position;
            // Still this source's page position: carryRest keeps the position it is given.
            return carryRest({ position: position.p, skip: position.s }, merged.pages[index], {
              budget,
            }) as SourcePosition;
          }),
        }
      : null;
    return {
      result: merged.records,
      next_cursor: next
        ? issueCursor(engine.cursors, { q: binding, p: next, s: NO_SKIP, ...sized }, site)
        : null,
      result_count: merged.records.length,
      ...extrasOf(context),
    };
  }

  const child = await callInput(context, operation, filters, remoteQuery);
  const { forEach } = operation;
  // A `get` fan-out has one parent record: carried in the cursor (when small) instead of read on every call.
  const oneParent = forEach !== undefined && forEach.call.method !== 'list';
  const carriedParent = oneParent && cursor && 'a' in cursor ? { record: cursor.a } : undefined;
  const source = (start: ListPosition | undefined) =>
    forEach
      ? fanOutPages(context, {
          plan: forEach,
          child: { ...child, pageSize },
          start: start as FanOutPosition | undefined,
          filters,
          errorSite: child.errorSite,
          carriedParent,
        })
      : flatPages(context, { ...child, start: start as PagePosition | undefined, pageSize });
  if (cursor?.r && cursor.r.n !== null && !fitsOperation(operation, cursor.r.n)) {
    throw new InvalidCursor('it does not fit this query');
  }
  const collected = await collectRecords<Record<string, unknown>>({
    pages: resumePages(
      cursor && { p: cursor.p as ListPosition, r: cursor.r },
      { label: child.target.label, parent: carriedParent?.record },
      source,
    ),
    limit,
    skip: cursor?.s,
    transform: recordTransform(context, operation, filters, input.remoteData, enricherFor(operation)),
    trace: context.trace,
  });
  const parentRecord = oneParent && collected.next ? collected.last?.parent : undefined;
  const parentBytes = parentRecord === undefined ? 0 : jsonBytes(parentRecord);
  const keepParent = parentRecord !== undefined && parentBytes <= CARRY_MAX_BYTES;
  const next = collected.next
    ? mayCarry(operation)
      ? carryRest(collected.next, collected.last, {
          budget: CARRY_MAX_BYTES - (keepParent ? parentBytes : 0),
          withParent: !keepParent,
        })
      : { p: collected.next.position, s: collected.next.skip }
    : null;
  return {
    result: collected.records,
    next_cursor: next
      ? issueCursor(
          engine.cursors,
          { q: binding, ...next, ...sized, ...(keepParent ? { a: parentRecord } : {}) },
          site,
        )
      : null,
    result_count: collected.records.length,
    ...extrasOf(context),
  };
}

function fitsOperation(operation: OperationPlan, position: unknown): boolean {
  if (operation.merge)
    return isMergedPosition(position) && position.m.length === operation.merge.sources.length;
  return operation.forEach ? isFanOutPosition(position) : isPagePosition(position);
}

/** What one list call sends: the mapped filters, the remote query, the computed headers, the error mapping. */
async function callInput(
  context: OperationContext,
  operation: OperationPlan,
  filters: Record<string, string>,
  remoteQuery: Record<string, string>,
) {
  const { connection, now } = context;
  const querySite = operation.expressions.query;
  const filterQuery = querySite
    ? toQueryParams(await querySite.evaluate(filters, { query: filters, connection, now }), querySite)
    : {};
  refuseCollisions(remoteQuery, filterQuery);
  const headers = await operationHeaders(context, operation, {
    filters,
    params: { ...filterQuery, ...remoteQuery },
  });
  return {
    target: operation.call,
    query: [filterQuery, remoteQuery],
    headers,
    errorSite: operation.expressions.error,
  };
}

/** Map, flat-map, then apply `filter:`; bindings are built once per page. */
function recordTransform(
  context: OperationContext,
  operation: OperationPlan,
  filters: Record<string, string>,
  remoteData: boolean | undefined,
  enricher?: Enricher,
): RecordTransform {
  const mapper = operation.mapper(remoteData ?? true);
  const filterSite = operation.expressions.filter;
  const filterSync = filterSite?.evaluateSync;
  // Compiled mappings and filters run synchronously: no promise per record in the hot loop.
  const sync =
    mapper.sync && enricher === undefined && (filterSite === undefined || filterSync !== undefined);
  let bindingsPage: SourcePage | undefined;
  let bindings: RunBindings | undefined;
  const bindingsFor = (page: SourcePage): RunBindings => {
    if (page !== bindingsPage || bindings === undefined) {
      bindingsPage = page;
      bindings = pageBindings(context, page.response, filters, page.parent);
    }
    return bindings;
  };
  const idOf = (record: unknown) => (record as { id?: unknown } | null)?.id;

  if (sync) {
    return (record, page, out) => {
      const scope = bindingsFor(page);
      const before = out.length;
      mapper.mapIntoSync(record, scope, out as Record<string, unknown>[]);
      if (filterSync === undefined) return;
      let kept = before;
      for (let i = before; i < out.length; i++) {
        if (isTruthy(filterSync(out[i], scope as unknown as Record<string, unknown>, idOf(record)))) {
          out[kept++] = out[i];
        }
      }
      out.length = kept;
    };
  }
  return async (record, page, out, index) => {
    const scope = bindingsFor(page);
    if (enricher) scope.enriched = await enricher.forRecord(page.records, index);
    const before = out.length;
    await mapper.mapInto(record, scope, out as Record<string, unknown>[]);
    if (!filterSite) return;
    let kept = before;
    for (let i = before; i < out.length; i++) {
      const keep = await filterSite.evaluate(
        out[i],
        scope as unknown as Record<string, unknown>,
        idOf(record),
      );
      if (isTruthy(keep)) out[kept++] = out[i];
    }
    out.length = kept;
  };
}

/**
 * `remote_query` is forwarded untouched, so it may not silently replace a parameter a unified filter produced: that
 * would answer a different filter than the one asked for.
 */
function refuseCollisions(remoteQuery: Record<string, string>, filterQuery: Record<string, unknown>): void {
  const clashes = Object.keys(remoteQuery).filter((name) => Object.hasOwn(filterQuery, name));
  if (clashes.length > 0) {
    throw new InvalidInput(
      `remote_query parameter(s) ${clashes.join(', ')} would replace what the unified filters send upstream`,
      { details: { remote_query: clashes } },
    );
  }
}
