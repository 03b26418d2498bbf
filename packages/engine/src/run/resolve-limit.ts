/**
 * @module The unified `limit`: default and maximum from the operation's `limit:`. A listing's first limit also
 * sizes its upstream pages (where the scheme takes a `page_size`); the cursor carries that size, so a later call
 * with another limit still reads pages of the same size.
 */
import { InvalidInput } from '../errors.js';

export function resolveLimit(limit: number | undefined, bounds: { default: number; max: number }): number {
  if (limit === undefined) return Math.min(bounds.default, bounds.max);
  if (!Number.isInteger(limit) || limit < 1 || limit > bounds.max) {
    throw new InvalidInput(`limit must be an integer between 1 and ${bounds.max}`, {
      details: { field: 'limit', max: bounds.max },
    });
  }
  return limit;
}
