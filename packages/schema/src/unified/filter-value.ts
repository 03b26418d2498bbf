/**
 * @module Checks a filter value against its definition before any upstream call: a value outside a closed enum
 * or a date that is not ISO-8601 would otherwise reach the upstream and come back as an empty list that looks
 * like "nobody matches".
 */
import type { FilterDefinition } from './filter.js';

// RFC 3339 date-time with a time zone (what `format: date-time` accepts), e.g. 2026-01-31T00:00:00Z.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Why `value` is not a valid value of `filter`, or undefined when it is. */
export function filterValueProblem(filter: FilterDefinition, value: string): string | undefined {
  if (value.trim() === '') return 'has no value';
  if (filter.type === 'enum' && !(filter.values ?? []).includes(value))
    return `must be one of ${(filter.values ?? []).join(', ')}`;
  if (filter.type === 'date-time' && !(DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))))
    return 'must be an ISO-8601 date-time with a time zone, e.g. 2026-01-31T00:00:00Z';
  return undefined;
}
