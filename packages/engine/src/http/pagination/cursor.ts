/**
 * @module `type: cursor` — an opaque token read from a header or the body, sent on the next request.
 */
import { withPageSize } from './page-size.js';
import { withRequestValue } from './request-value.js';
import { asToken, readResponseValue } from './response-value.js';
import type { StrategyFactory } from './strategy.js';

export const cursorStrategy: StrategyFactory<'cursor'> = (scheme, context) => ({
  defaultStops: [],
  request(first, state) {
    const sized = withPageSize(first, scheme);
    return state === null ? sized : withRequestValue(sized, scheme.request, state);
  },
  async next(page) {
    const value = await readResponseValue(scheme.cursor, page.response, `${context.pointer}/cursor`, context);
    const token = asToken(value);
    return token === null ? { stop: 'empty_cursor' } : { state: token };
  },
});
