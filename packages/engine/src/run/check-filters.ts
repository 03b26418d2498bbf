/**
 * @module A filter the operation cannot apply is refused, naming the ones it can — never a silently
 * unfiltered list. A value the unified model does not allow (a status outside its enum, a date that is not
 * ISO-8601) is refused before any upstream call, naming what it accepts.
 */
import { filterValueProblem, unifiedFilterDefinition } from '@switchboard/schema';
import { InvalidInput, UnsupportedFilter } from '../errors.js';
import type { OperationPlan } from './operation-plan.js';

export function checkFilters(operation: OperationPlan, filters: Record<string, string>): void {
  const unsupported = Object.keys(filters).filter((name) => !operation.filters.includes(name));
  if (unsupported.length === 0) {
    // An empty value would be dropped by most query mappings, leaving the list unfiltered.
    const empty = Object.keys(filters).filter((name) => filters[name]?.trim() === '');
    if (empty.length > 0) {
      throw new InvalidInput(`filter(s) without a value: ${empty.join(', ')}`, {
        details: { filters: empty },
      });
    }
    checkFilterValues(operation, filters);
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

/** Values checked against the filter's definition in the unified model (`@switchboard/schema`). */
function checkFilterValues(operation: OperationPlan, filters: Record<string, string>): void {
  const problems: Record<string, string> = {};
  for (const [name, value] of Object.entries(filters)) {
    const definition = unifiedFilterDefinition(operation.model, operation.resource, name);
    const problem = definition === undefined ? undefined : filterValueProblem(definition, value);
    if (problem !== undefined) problems[name] = problem;
  }
  const names = Object.keys(problems);
  if (names.length === 0) return;
  throw new InvalidInput(names.map((name) => `filter ${name} ${problems[name]}`).join('; '), {
    details: { filters: problems },
  });
}
