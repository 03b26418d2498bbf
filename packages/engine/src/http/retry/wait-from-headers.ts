/**
 * @module The wait an upstream asks for, read from the first declared header that parses.
 */
import { headerDelayMs } from '../time/header-delay.js';
import type { RetryPolicy } from './retry-policy.js';

export function waitFromHeaders(
  headers: Readonly<Record<string, string>>,
  sources: RetryPolicy['waitFrom'],
  now: number,
): number | undefined {
  for (const source of sources) {
    const value = headers[source.header];
    if (value === undefined) continue;
    const delay = headerDelayMs(value, source.format, now);
    if (delay !== undefined) return delay;
  }
  return undefined;
}
