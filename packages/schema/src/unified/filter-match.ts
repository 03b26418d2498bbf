/**
 * @module What a filter means on a record, from its definition: the values it would pick from a record and
 * whether a record satisfies `filter=value`. The conformance kit uses both to check that a filtered list holds
 * only matching records, for any integration.
 */
import type { FilterDefinition, FilterMatch } from './filter.js';

type Json = Record<string, unknown>;

/** The string values at a dotted path; an array on the way is searched element by element. */
function valuesAt(value: unknown, path: readonly string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  const [head, ...rest] = path;
  if (head === undefined) return typeof value === 'string' ? [value] : [];
  if (value === null || typeof value !== 'object') return [];
  return valuesAt((value as Json)[head], rest);
}

/** Every value of the record the filter compares with, in field order. */
export function filterValuesOf(filter: FilterDefinition, record: Json): string[] {
  return filter.fields.flatMap((field) => valuesAt(record, field.split('.')));
}

const COMPARE: Record<FilterMatch, (candidate: string, value: string) => boolean> = {
  equals: (candidate, value) => candidate === value,
  equals_ignoring_case: (candidate, value) => candidate.toLowerCase() === value.toLowerCase(),
  at_least: (candidate, value) => Date.parse(candidate) >= Date.parse(value),
  before: (candidate, value) => Date.parse(candidate) < Date.parse(value),
};

/** True when `record` satisfies `filter=value`. */
export function recordMatchesFilter(filter: FilterDefinition, record: Json, value: string): boolean {
  const compare = COMPARE[filter.match];
  return filterValuesOf(filter, record).some((candidate) => compare(candidate, value));
}
