/**
 * @module Serving one collection the Graph way: `$filter`, `$search`, `$orderby`, `$count` (with their
 * ConsistencyLevel rules on directory objects, entra-api.md §3), `$top` within the resource's range, keyset
 * `$skiptoken` paging, and the envelope `{"@odata.context", "@odata.count"?, "@odata.nextLink"?, "value"}`
 * whose next link is an absolute URL on the Host the client used, carrying every original query option.
 */
import type { FastifyRequest } from 'fastify';
import { badRequest, unsupportedQuery } from '../wire/graph-error.js';
import { compileFilter, type FilterSpec } from './filter-spec.js';
import { parseFilter } from './filter-syntax.js';
import { nextLink } from './next-link.js';
import {
  backwards,
  decodeSkipToken,
  encodeSkipToken,
  indexAfter,
  inOrder,
  type Order,
  sortBy,
} from './order.js';
import { queryOptions } from './query-options.js';
import { type SearchClause, searchPredicate } from './search.js';

export interface CollectionRules<T> {
  /** `users` or `groups/{id}/members`, as it appears in `@odata.context` after `#`. */
  readonly contextPath: string;
  readonly filter?: FilterSpec<T>;
  /** `$search` on directory objects: does the record match one `"property:words"` clause? */
  readonly search?: SearchClause<T>;
  /** Orders by `$orderby` text (`displayName`, `displayName desc`), lower-cased; `default` when absent. */
  readonly orders: Readonly<Record<string, Order<T>>> & { readonly default: Order<T> };
  /**
   * Orders the stored records already follow (`stored`) or follow backwards (`reversed`), so serving them needs
   * no sort: id-sorted tables in id order, the logs (appended in time order) newest first.
   */
  readonly presorted?: Readonly<Record<string, 'stored' | 'reversed'>>;
  readonly top: { readonly default: number; readonly max: number };
  /** Navigation properties `$expand` may name (the route expands them); anything else answers 400. */
  readonly expandable?: readonly string[];
  /** Users, groups, members: `$count`/`$search`/advanced operators need ConsistencyLevel (§3). */
  readonly directoryObjects: boolean;
}

export interface CollectionPage<T> {
  readonly items: readonly T[];
  /** The full envelope minus `value` (context, count, next link). */
  readonly annotations: Record<string, unknown>;
}

const SKIPTOKEN_INVALID =
  'The specified page token value has expired and can no longer be included in your request.';

function parseTop(raw: string | undefined, top: CollectionRules<unknown>['top']): number {
  if (raw === undefined) return top.default;
  const value = /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > top.max) {
    throw badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${top.max} inclusive.`);
  }
  return value;
}

/** The records the request's `$search` and `$filter` keep (also what `/$count` counts). */
export function matchingRecords<T>(
  request: FastifyRequest,
  records: readonly T[],
  rules: CollectionRules<T>,
): readonly T[] {
  const options = queryOptions(request);
  const advanced = options.eventual && options.option('count') === 'true';
  let selected: readonly T[] = records;
  const searchRaw = options.option('search');
  if (searchRaw !== undefined) {
    if (rules.directoryObjects && !options.eventual) {
      throw unsupportedQuery(
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    }
    selected = selected.filter(searchPredicate(searchRaw, rules.search));
  }
  const filterRaw = options.option('filter');
  if (filterRaw !== undefined) {
    if (rules.filter === undefined) throw unsupportedQuery('$filter is not supported on this resource.');
    // `GET /users/$count` with ConsistencyLevel is an advanced query too (the count is in the path).
    const predicate = compileFilter(parseFilter(filterRaw), rules.filter, advanced || countSegment(request));
    selected = selected.filter(predicate);
  }
  return selected;
}

const countSegment = (request: FastifyRequest) =>
  queryOptions(request).eventual && /\/\$count(?:\?|$)/.test(request.url);

/** Applies the request's query options to `records` and cuts the page. */
export function servePage<T>(
  request: FastifyRequest,
  records: readonly T[],
  rules: CollectionRules<T>,
  contextSuffix = '',
): CollectionPage<T> {
  const options = queryOptions(request);
  const countRaw = options.option('count');
  if (countRaw !== undefined && countRaw !== 'true' && countRaw !== 'false') {
    throw badRequest(`Invalid value '${countRaw}' for $count. Only 'true' and 'false' are allowed.`);
  }
  const count = countRaw === 'true';
  if (count && rules.directoryObjects && !options.eventual)
    throw badRequest('$count is not currently supported.');
  const advanced = options.eventual && count;
  const filterRaw = options.option('filter');
  const selected = matchingRecords(request, records, rules);

  const orderRaw = options.option('orderby');
  let orderName = 'default';
  if (orderRaw !== undefined && orderRaw.trim() !== '') {
    orderName = orderRaw.trim().replace(/\s+/g, ' ').toLowerCase().replace(/ asc$/, '');
    if (!(orderName in rules.orders) || orderName === 'default') {
      throw unsupportedQuery(`Sorting by '${orderRaw.trim()}' is not supported on this resource.`);
    }
    if (rules.directoryObjects && filterRaw !== undefined && !advanced) {
      throw unsupportedQuery(
        'Sorting with $filter is an advanced query: add $count=true and the ConsistencyLevel:eventual header.',
      );
    }
  }
  const order = rules.orders[orderName] as Order<T>;
  const presorted = rules.presorted?.[orderName];
  const sorted =
    presorted === 'stored'
      ? inOrder(selected)
      : presorted === 'reversed'
        ? backwards(selected)
        : inOrder(sortBy(selected, order));

  const expandRaw = options.option('expand');
  for (const name of expandRaw === undefined ? [] : expandRaw.split(',').map((part) => part.trim())) {
    if (!rules.expandable?.includes(name)) {
      throw badRequest(`Could not find a navigation property named '${name}' on this resource.`);
    }
  }
  // Graph pages by $skiptoken only (entra-api.md §3: "/users supports $top but not $skip").
  if (options.option('skip') !== undefined) throw badRequest("'$skip' is not supported by the service.");
  const top = parseTop(options.option('top'), rules.top);
  let start = 0;
  const tokenRaw = options.option('skiptoken');
  if (tokenRaw !== undefined) {
    const token = decodeSkipToken(tokenRaw);
    if (token === undefined || token.orderName !== orderName) throw badRequest(SKIPTOKEN_INVALID);
    start = indexAfter(sorted, token.key, order);
  }
  const items = Array.from({ length: Math.max(0, Math.min(top, sorted.length - start)) }, (_, k) =>
    sorted.at(start + k),
  );
  const annotations: Record<string, unknown> = {
    '@odata.context': `${SERVICE_ROOT}/$metadata#${rules.contextPath}${contextSuffix}`,
  };
  if (count) annotations['@odata.count'] = sorted.length;
  const last = items.at(-1);
  if (start + top < sorted.length && last !== undefined) {
    annotations['@odata.nextLink'] = nextLink(request, encodeSkipToken(orderName, order.key(last)));
  }
  return { items, annotations };
}

/**
 * The service root `@odata.context` names. Graph always writes its public one: the context is a metadata
 * reference, not a link to follow (next links, which are followed, use the caller's Host).
 */
export const SERVICE_ROOT = 'https://graph.microsoft.com/v1.0';
