/**
 * @module `type: cursor` — an opaque token read from a header or the body, sent on the next request.
 */
import { withPageSize } from './page-size.js';
import { withRequestValue } from './request-value.js';
import { asToken, responseValueReader } from './response-value.js';
import type { StrategyFactory } from './strategy.js';

export const cursorStrategy: StrategyFactory<'cursor'> = (scheme, context) => {
  const cursor = responseValueReader(scheme.cursor, 'cursor', context);
  return {
    defaultStops: [],
    request(first, state, pageSize) {
      const sized = withPageSize(first, scheme, pageSize);
      return state === null ? sized : withRequestValue(sized, scheme.request, state);
    },
    async next(page) {
      const value = await cursor(page.response);
      const token = asToken(value);
      return token === null ? { stop: 'empty_cursor' } : { state: token };
    },
  };
};
