/**
 * @module `type: offset` — a record offset, advanced by the records each page held (the page size, unless the
 * upstream capped it lower; advancing by what was received never skips records).
 */
import { withPageSize } from './page-size.js';
import { withRequestValue } from './request-value.js';
import { asCount, responseValueReader } from './response-value.js';
import type { StrategyFactory } from './strategy.js';

export const offsetStrategy: StrategyFactory<'offset'> = (scheme, context) => {
  const current = (state: string | number | null): number => (state === null ? 0 : Number(state));
  const total = scheme.total ? responseValueReader(scheme.total, 'total', context) : undefined;
  return {
    defaultStops: ['empty_page', 'short_page'],
    request(first, state, pageSize) {
      return withRequestValue(withPageSize(first, scheme, pageSize), scheme.request, current(state));
    },
    async next(page) {
      if (page.records.length === 0) return { stop: 'empty_page' };
      const next = current(page.state) + page.records.length;
      if (total) {
        const count = asCount(await total(page.response));
        if (count !== null && next >= count) return { stop: 'total' };
      }
      return { state: next };
    },
  };
};
