/**
 * @module `type: page` — a page number, 0- or 1-based (`start`), optionally aware of the total page count.
 */
import { withPageSize } from './page-size.js';
import { withRequestValue } from './request-value.js';
import { asCount, readResponseValue } from './response-value.js';
import type { StrategyFactory } from './strategy.js';

export const pageStrategy: StrategyFactory<'page'> = (scheme, context) => {
  const start = scheme.start ?? 1;
  const current = (state: string | number | null): number => (state === null ? start : Number(state));
  return {
    defaultStops: scheme.page_size ? ['empty_page', 'short_page'] : ['empty_page'],
    request(first, state) {
      return withRequestValue(withPageSize(first, scheme), scheme.request, current(state));
    },
    async next(page) {
      const number = current(page.state);
      if (scheme.total_pages) {
        const raw = await readResponseValue(
          scheme.total_pages,
          page.response,
          `${context.pointer}/total_pages`,
          context,
        );
        const total = asCount(raw);
        // The last page number is `total` when counting from 1 and `total - 1` when counting from 0.
        if (total !== null && number >= total - 1 + start) return { stop: 'total_pages' };
      }
      return { state: number + 1 };
    },
  };
};
