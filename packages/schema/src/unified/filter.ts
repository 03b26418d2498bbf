/**
 * @module A unified list filter, defined once with its model: the query parameter's name, the values it takes
 * (free text, an ISO-8601 date-time, or a closed enum) and which record fields it tests. The engine checks values
 * with it, the API and the SDK type the parameter from it, and the conformance kit checks that every record of a
 * filtered list satisfies it.
 */
import type { TSchema } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import { DateTime, enumValues } from './fields.js';

export type FilterType = 'string' | 'date-time' | 'enum';

/**
 * How a record satisfies `filter=value`: one of its `fields` (`equals`, `equals_ignoring_case`) or its date-time
 * (`at_least` for `[gte]`, `before` for `[lt]`) compares with the value.
 */
export type FilterMatch = 'equals' | 'equals_ignoring_case' | 'at_least' | 'before';

export interface FilterDefinition {
  /** The query parameter, e.g. `email` or `updated_at[gte]`. */
  readonly name: string;
  readonly type: FilterType;
  /** The closed set of values of an `enum` filter. */
  readonly values?: readonly string[];
  /**
   * Record fields the filter tests, as dotted paths; a path through an array tests every element
   * (`emails.email`). A record satisfies the filter when any of them matches.
   */
  readonly fields: readonly string[];
  readonly match: FilterMatch;
  readonly description: string;
  /** The parameter's JSON Schema (a string; `format: date-time`; or the named enum of the field). */
  readonly schema: TSchema;
}

/** `name=value` matches a text field (or any of several). */
export function textFilter(
  name: string,
  options: { fields?: readonly string[]; ignoreCase?: boolean; description: string },
): FilterDefinition {
  const { fields = [name], ignoreCase = false, description } = options;
  return {
    name,
    type: 'string',
    fields,
    match: ignoreCase ? 'equals_ignoring_case' : 'equals',
    description,
    schema: Type.String({ minLength: 1, description }),
  };
}

/** `name=value` where the field is a closed enum: only its values are accepted. */
export function enumFilter(name: string, values: TSchema, description: string): FilterDefinition {
  return {
    name,
    type: 'enum',
    values: enumValues(values),
    fields: [name],
    match: 'equals',
    description,
    schema: { ...values, description },
  };
}

/** `<field>[gte]` (inclusive lower bound) or `<field>[lt]` (exclusive upper bound) on a date-time field. */
export function timeBoundFilter(field: string, bound: 'gte' | 'lt', description: string): FilterDefinition {
  return {
    name: `${field}[${bound}]`,
    type: 'date-time',
    fields: [field],
    match: bound === 'gte' ? 'at_least' : 'before',
    description,
    schema: { ...DateTime, description },
  };
}
