/**
 * @module Reading a paging value (token, total, next URL) from a response header or, through the compiled
 * JSONata at the scheme's pointer, from the body.
 */
import { evaluateAt } from '../../mapping/evaluate-at.js';
import type { UpstreamResponse } from '../upstream.js';
import type { StrategyContext } from './strategy.js';

export type ResponseSource = { type: 'header'; name: string } | { type: 'body'; path: string };

/**
 * The raw value at `source`. `pointer` is the JSON pointer of the source object (its `path` expression is
 * compiled at `${pointer}/path`).
 */
export async function readResponseValue(
  source: ResponseSource,
  response: UpstreamResponse,
  pointer: string,
  context: StrategyContext,
): Promise<unknown> {
  if (source.type === 'header') return response.headers[source.name.toLowerCase()];
  const site = {
    integration: context.integration,
    pointer: `${pointer}/path`,
    what: `${context.label} pagination`,
  };
  return evaluateAt(site, response.body, { headers: response.headers });
}

/** A token as a non-empty string, or null when the upstream sent none. */
export function asToken(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value;
  return null;
}

/** A count (total records, total pages) as a non-negative integer, or null when absent or unreadable. */
export function asCount(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : null;
}
