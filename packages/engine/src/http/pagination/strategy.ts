/**
 * @module The pagination strategy interface: one file per scheme `type` implements it. A strategy only knows
 * how to put a page's state on a request and how to read the next state from a response; the loop, the stop
 * rules and the guards live in `paginate.ts`.
 */
import type { PaginationScheme } from '@switchboard/schema';
import type { CompiledIntegration } from '../../config/compiled-integration.js';
import type { UpstreamRequest, UpstreamResponse } from '../upstream.js';

/**
 * The request state that fetches exactly one page again: a cursor token, a page number, an offset or a next
 * URL. `null` is the first page. Always JSON-serialisable, so unified cursors can carry it.
 */
export type PageState = string | number | null;

/** Where a page sits in a traversal. */
export interface PagePosition {
  /** Pages read before this one; `max_pages` and `$page` count across resumed cursors. */
  index: number;
  state: PageState;
}

/** What a strategy sees of a page it must find the successor of. */
export interface PageView {
  state: PageState;
  request: UpstreamRequest;
  response: UpstreamResponse;
  records: readonly unknown[];
}

/** The next page's state, or why the scheme itself says there is none. */
export type NextStep = { state: string | number } | { stop: string };

export interface PaginationStrategy {
  /**
   * The request for the page at `state`, built from the first-page request, with the page size the listing
   * asks for (absent: the declared `page_size.value`).
   */
  request(first: UpstreamRequest, state: PageState, pageSize?: number): UpstreamRequest;
  next(page: PageView): Promise<NextStep>;
  /** Stop rules that apply when the scheme declares none. */
  readonly defaultStops: readonly StopRuleType[];
}

export type StopRuleType = NonNullable<PaginationScheme['stop']>[number]['type'];

/** Everything a strategy needs besides its scheme. */
export interface StrategyContext {
  integration: CompiledIntegration;
  /** JSON pointer of the scheme (`/pagination/default`); its expressions are compiled under it. */
  pointer: string;
  /** What is being paged, for errors: `users.list`. */
  label: string;
  /** Query parameters that carry credentials; they are removed from next URLs so cursors never hold them. */
  credentialParams?: readonly string[];
}

export type SchemeOf<T extends PaginationScheme['type']> = Extract<PaginationScheme, { type: T }>;

export type StrategyFactory<T extends PaginationScheme['type']> = (
  scheme: SchemeOf<T>,
  context: StrategyContext,
) => PaginationStrategy;
