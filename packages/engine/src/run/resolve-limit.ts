/**
 * @module The unified `limit`: default and maximum from the operation's `limit:`. It never changes the
 * upstream page size (cursors point into pages, so pages must stay the same between calls).
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
