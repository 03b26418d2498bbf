/**
 * @module The strategies by scheme `type`.
 */
import type { PaginationScheme } from '@switchboard/schema';
import { cursorStrategy } from './cursor.js';
import { linkStrategy } from './link.js';
import { offsetStrategy } from './offset.js';
import { pageStrategy } from './page.js';
import type { PaginationStrategy, StrategyContext, StrategyFactory } from './strategy.js';

export const paginationStrategies: { [T in PaginationScheme['type']]: StrategyFactory<T> } = {
  cursor: cursorStrategy,
  page: pageStrategy,
  offset: offsetStrategy,
  link: linkStrategy,
};

export function createStrategy(scheme: PaginationScheme, context: StrategyContext): PaginationStrategy {
  const factory = paginationStrategies[scheme.type] as StrategyFactory<typeof scheme.type>;
  return factory(scheme as never, context);
}
