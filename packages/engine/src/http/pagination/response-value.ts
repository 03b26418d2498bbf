/**
 * @module Reading a paging value (token, total, next URL) from a response header or, through the compiled
 * JSONata of the scheme, from the body. The reader is made with the strategy (once per call target, at load),
 * so the body expression is located once.
 */
import { locateExpression } from '../../mapping/located-expression.js';
import type { UpstreamResponse } from '../upstream.js';
import type { StrategyContext } from './strategy.js';

export type ResponseSource = { type: 'header'; name: string } | { type: 'body'; path: string };

export type ResponseValueReader = (response: UpstreamResponse) => unknown;

/**
 * Reads the raw value at `source`; `field` is the scheme's key holding it (`cursor`, `next`, `total`,
 * `total_pages`), whose `path` expression the loader compiled.
 */
export function responseValueReader(
  source: ResponseSource,
  field: string,
  context: StrategyContext,
): ResponseValueReader {
  if (source.type === 'header') {
    const name = source.name.toLowerCase();
    return (response) => response.headers[name];
  }
  const path = locateExpression({
    integration: context.integration,
    pointer: `${context.pointer}/${field}/path`,
    what: `${context.label} pagination`,
  });
  return (response) => path.evaluate(response.body, { headers: response.headers });
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
