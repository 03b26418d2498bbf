/**
 * @module The pages a list reads, whatever their origin: one resource's pages, or a fan-out's child pages.
 * Each page says where it is and where the next one is, in a form a unified cursor can carry.
 */

import type { ListPosition } from '../cursor/list-position.js';
import { type Page, paginate } from '../http/pagination/paginate.js';
import type { PagePosition } from '../http/pagination/strategy.js';
import type { UpstreamResponse } from '../http/upstream.js';
import type { MappingSite } from '../mapping/mapping-failure.js';
import type { QueryParams } from '../mapping/query-params.js';
import type { CallTarget } from './call-target.js';
import { callUpstream } from './call-upstream.js';
import { extractRecords } from './extract-records.js';
import type { OperationContext } from './operation-context.js';
import { type RequestScope, resourceRequest } from './resource-request.js';
import { staticPages } from './static-resource.js';

export interface SourcePage {
  position: ListPosition;
  next: ListPosition | null;
  stop?: string | undefined;
  /** `<resource>.<method>` of the call that answered. */
  label: string;
  records: unknown[];
  response: UpstreamResponse;
  /** The fan-out parent record (`$parent`). */
  parent?: unknown;
  /**
   * A page served from the cursor (`run/carry.ts`): how many records of the upstream page come before `records`
   * (absent when the cursor did not say).
   */
  offset?: number;
}

export interface ResourcePagesInput {
  target: CallTarget;
  scope?: RequestScope;
  /** Added to the resource's own query: mapped filters, then the remote query. */
  query?: QueryParams[];
  /** Computed `headers:` of the operation, over the resource method's own. */
  headers?: Record<string, string> | undefined;
  start?: PagePosition | undefined;
  /** The page size the listing asks for (bounded by the declared `page_size.value`; absent: that value). */
  pageSize?: number | undefined;
  errorSite?: MappingSite | undefined;
  signal?: AbortSignal | undefined;
  /** The records are only written out as their bytes (a proxy list; see `call-upstream.ts`). */
  recordsAsBytes?: boolean | undefined;
}

/** The pages of one resource list call. */
export function resourcePages(context: OperationContext, input: ResourcePagesInput): AsyncGenerator<Page> {
  const { target } = input;
  if (target.static) return staticPages(context, { ...target, static: target.static }, input.start);
  const first = resourceRequest(context, target, input.scope);
  for (const extra of input.query ?? []) {
    if (Object.keys(extra).length > 0) first.query = { ...first.query, ...extra };
  }
  if (input.headers && Object.keys(input.headers).length > 0)
    first.headers = { ...first.headers, ...input.headers };
  return paginate({
    first,
    scheme: target.paging?.scheme,
    context: target.paging?.context ?? { integration: context.integration, pointer: '', label: target.label },
    strategy: target.paging?.strategy,
    start: input.start,
    pageSize: input.pageSize,
    send: (request) =>
      callUpstream(context, request, {
        target,
        errorSite: input.errorSite,
        signal: input.signal,
        recordsAsBytes: input.recordsAsBytes,
      }),
    extract: (response) => extractRecords(target, response),
  });
}

/**
 * A resource's pages as list pages: a `Page` already is one (plain page positions, its label), so no extra
 * generator wraps each page.
 */
export function flatPages(context: OperationContext, input: ResourcePagesInput): AsyncIterable<SourcePage> {
  return resourcePages(context, input);
}
