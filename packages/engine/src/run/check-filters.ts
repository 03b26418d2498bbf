/**
 * @module A filter the operation cannot apply is refused, naming the ones it can — never a silently
 * unfiltered list.
 */
import { InvalidInput, UnsupportedFilter } from '../errors.js';
import type { ResolvedOperation } from './resolve-operation.js';

export function checkFilters(operation: ResolvedOperation, filters: Record<string, string>): void {
  const unsupported = Object.keys(filters).filter((name) => !operation.filters.includes(name));
  if (unsupported.length === 0) {
    // An empty value would be dropped by most query mappings, leaving the list unfiltered.
    const empty = Object.keys(filters).filter((name) => filters[name]?.trim() === '');
    if (empty.length > 0) {
      throw new InvalidInput(`filter(s) without a value: ${empty.join(', ')}`, {
        details: { filters: empty },
      });
    }
    return;
  }
  throw new UnsupportedFilter(unsupported.join(', '), {
    details: {
      integration: operation.integration.name,
      resource: operation.resource,
      unsupported,
      supported: [...operation.filters],
    },
  });
}
