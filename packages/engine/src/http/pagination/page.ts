/**
 * @module `type: page` — a page number, 0- or 1-based (`start`), optionally aware of the total page count.
 */
import { withPageSize } from './page-size.js';
import { withRequestValue } from './request-value.js';
import { asCount, responseValueReader } from './response-value.js';
import type { StrategyFactory } from './strategy.js';

export const pageStrategy: StrategyFactory<'page'> = (scheme, context) => {
  const start = scheme.start ?? 1;
  const current = (state: string | number | null): number => (state === null ? start : Number(state));
  const totalPages = scheme.total_pages
    ? responseValueReader(scheme.total_pages, 'total_pages', context)
    : undefined;
  return {
    defaultStops: scheme.page_size ? ['empty_page', 'short_page'] : ['empty_page'],
    request(first, state, pageSize) {
      return withRequestValue(withPageSize(first, scheme, pageSize), scheme.request, current(state));
    },
    async next(page) {
      const number = current(page.state);
      if (totalPages) {
        const raw = await totalPages(page.response);
        const total = asCount(raw);
        // The last page number is `total` when counting from 1 and `total - 1` when counting from 0.
        if (total !== null && number >= total - 1 + start) return { stop: 'total_pages' };
      }
      return { state: number + 1 };
    },
  };
};
