/**
 * @module Static resources: records written in the integration file (`resources.<name>.static`), e.g. Okta's
 * fixed admin role types. They answer `list` (one page; the unified limit and cursor work as for any list) and
 * `get` by `key` (default `id`) without any upstream call, through the same mapping as upstream records.
 */
import type { Page } from '../http/pagination/paginate.js';
import { FIRST_PAGE } from '../http/pagination/paginate.js';
import type { PagePosition } from '../http/pagination/strategy.js';
import type { UpstreamRequest, UpstreamResponse } from '../http/upstream.js';
import type { CallTarget } from './call-target.js';
import type { OperationContext } from './operation-context.js';

export interface StaticSource {
  records: readonly unknown[];
  /** The field `get` matches the id against. */
  key: string;
}

/** Stands for the upstream answer: the records (list) or the record with that key, undefined when none has it. */
export function staticResponse(
  context: OperationContext,
  source: StaticSource,
  id?: string,
): UpstreamResponse {
  const body =
    id === undefined
      ? source.records
      : source.records.find(
          (record) =>
            record !== null &&
            typeof record === 'object' &&
            String((record as Record<string, unknown>)[source.key]) === id,
        );
  context.raw?.push(body);
  return { status: 200, headers: {}, body, url: 'static:', durationMs: 0 };
}

/** The one page of a static list (a cursor resumes inside it). */
export async function* staticPages(
  context: OperationContext,
  target: CallTarget & { static: StaticSource },
  start: PagePosition | undefined,
): AsyncGenerator<Page> {
  const response = staticResponse(context, target.static);
  const request: UpstreamRequest = { method: 'GET', path: '', label: target.label };
  yield {
    position: start ?? FIRST_PAGE,
    label: target.label,
    number: 1,
    request,
    response,
    records: [...target.static.records],
    next: null,
    stop: 'static',
  };
}
