/**
 * @module A `query:` mapping result → upstream query parameters: strings as they are, numbers and booleans as
 * text, arrays as repeated parameters, null/undefined dropped. Anything else is a mapping error: query
 * parameters are text and the engine does not guess an encoding for objects.
 */
import { type MappingSite, mappingFailure } from './mapping-failure.js';

export type QueryParams = Record<string, string | string[]>;

export function toQueryParams(value: unknown, site: MappingSite): QueryParams {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw mappingFailure(site, new Error('a query mapping must produce an object of parameters'));
  }
  const params: QueryParams = {};
  for (const [name, item] of Object.entries(value)) {
    if (item === null || item === undefined) continue;
    if (Array.isArray(item)) {
      const values = item.filter((v) => v !== null && v !== undefined).map((v) => scalar(name, v, site));
      if (values.length > 0) params[name] = values;
    } else params[name] = scalar(name, item, site);
  }
  return params;
}

function scalar(name: string, value: unknown, site: MappingSite): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw mappingFailure(
    site,
    new Error(`query parameter "${name}" must be a string, number, boolean or a list of them`),
  );
}
