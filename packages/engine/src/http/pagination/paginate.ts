/**
 * @module The paging loop: one page in memory at a time, consumed as an async iterator. Applies the strategy,
 * the stop rules, `max_pages` and the repeated-page guards. The consumer stopping early (`break`) sends no
 * further request.
 */

import type { PaginationScheme } from '@switchboard/schema';
import { RepeatedPageToken } from '../../errors.js';
import { RawRecord } from '../transport/records-as-bytes.js';
import type { UpstreamRequest, UpstreamResponse } from '../upstream.js';
import { effectivePageSize } from './page-size.js';
import { holdingStopRule } from './stop-rules.js';
import { createStrategy } from './strategies.js';
import type { PagePosition, PaginationStrategy, StrategyContext } from './strategy.js';

export interface PaginateInput {
  /** The first-page request without paging parameters. */
  first: UpstreamRequest;
  /** Absent: the resource is not paginated (one page). */
  scheme?: PaginationScheme | undefined;
  context: StrategyContext;
  /** The scheme's strategy when already made (operation plans make it once, at load); else made here. */
  strategy?: PaginationStrategy | undefined;
  send(request: UpstreamRequest): Promise<UpstreamResponse>;
  /** The records of a page (the resource's `records:` expression). */
  extract(response: UpstreamResponse): Promise<unknown[]>;
  /** Resume at this page instead of the first. */
  start?: PagePosition | undefined;
  /**
   * The page size this listing asks for, bounded by the declared `page_size.value` (absent: that value). The
   * same on every page of a listing: page numbers and cursor positions only mean something at one size.
   */
  pageSize?: number | undefined;
}

export interface Page {
  position: PagePosition;
  /** `<resource>.<method>` of the call that answered (the strategy context's label). */
  label: string;
  /** 1-based page number in the whole traversal. */
  number: number;
  request: UpstreamRequest;
  response: UpstreamResponse;
  records: unknown[];
  /** Where the following page is, or null when this is the last one. */
  next: PagePosition | null;
  /** The page size asked for (undefined when the scheme takes none). */
  pageSize?: number | undefined;
  /** Why this is the last page: a stop rule, `empty_cursor`, `total_pages`, `total`, `max_pages`, `unpaginated`. */
  stop?: string;
}

export const FIRST_PAGE: PagePosition = Object.freeze({ index: 0, state: null });

export async function* paginate(input: PaginateInput): AsyncGenerator<Page, void, undefined> {
  const { scheme, context } = input;
  const strategy = scheme ? (input.strategy ?? createStrategy(scheme, context)) : undefined;
  const pageSize = scheme ? effectivePageSize(scheme, input.pageSize) : undefined;
  let position = input.start ?? FIRST_PAGE;
  const seen = new Set<string | number>();
  if (position.state !== null) seen.add(position.state);
  let previousFirstId: unknown;

  for (;;) {
    const request = strategy ? strategy.request(input.first, position.state, pageSize) : input.first;
    const response = await input.send(request);
    const records = await input.extract(response);
    const number = position.index + 1;
    const page: Page = {
      position,
      label: context.label,
      number,
      request,
      response,
      records,
      next: null,
      pageSize,
    };

    if (!strategy || !scheme) {
      page.stop = 'unpaginated';
    } else {
      const firstId = idOf(records[0]);
      if (firstId !== undefined && firstId === previousFirstId) {
        // An upstream that ignores the page parameter answers the same page forever.
        throw new RepeatedPageToken(context.label, {
          details: { label: context.label, page: number, reason: 'same first record as the previous page' },
        });
      }
      previousFirstId = firstId;
      const outcome = await following(strategy, scheme, page, context);
      if ('stop' in outcome) page.stop = outcome.stop;
      else {
        if (seen.has(outcome.state)) {
          throw new RepeatedPageToken(context.label, {
            details: {
              label: context.label,
              page: number,
              reason: 'same page token or URL as an earlier page',
            },
          });
        }
        seen.add(outcome.state);
        page.next = { index: number, state: outcome.state };
      }
    }

    yield page;
    if (page.next === null) return;
    position = page.next;
  }
}

async function following(
  strategy: PaginationStrategy,
  scheme: PaginationScheme,
  page: Page,
  context: StrategyContext,
): Promise<{ state: string | number } | { stop: string }> {
  const rule = await holdingStopRule(scheme, strategy.defaultStops, page, context);
  if (rule !== undefined) return { stop: rule };
  const step = await strategy.next({
    state: page.position.state,
    request: page.request,
    response: page.response,
    records: page.records,
  });
  if ('stop' in step) return step;
  if (scheme.max_pages !== undefined && page.number >= scheme.max_pages) return { stop: 'max_pages' };
  return step;
}

function idOf(item: unknown): unknown {
  // A record kept as bytes (a proxy list) is parsed for this one check, one record a page: compared by its bytes
  // instead, records without an id that start two pages alike would be refused, and a record with a field that
  // changes on every answer would let an upstream ignoring the page parameter through, unlike a parsed list.
  const record = item instanceof RawRecord ? item.value() : item;
  if (record === null || typeof record !== 'object') return undefined;
  const id = (record as Record<string, unknown>)['id'];
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}
