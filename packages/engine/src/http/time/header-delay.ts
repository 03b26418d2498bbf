/**
 * @module How long a header such as `Retry-After` or `X-RateLimit-Reset` says to wait, in one of the formats an
 * integration declares. Digits are always tried before dates: a bare number is never read as a year.
 */
import { parseHttpDate } from './parse-http-date.js';

export type HeaderTimeFormat = 'auto' | 'delta_seconds' | 'epoch_seconds' | 'epoch_ms' | 'http_date';

const SECONDS = /^\d+(?:\.\d+)?$/;
const INTEGER = /^\d+$/;

/**
 * Milliseconds from `now` until the time the header names; 0 for a time already past; undefined when the value
 * does not fit the format.
 */
export function headerDelayMs(value: string, format: HeaderTimeFormat, now: number): number | undefined {
  const text = value.trim();
  switch (format) {
    case 'delta_seconds':
      return SECONDS.test(text) ? Math.ceil(Number(text) * 1000) : undefined;
    case 'epoch_seconds':
      return SECONDS.test(text) ? Math.max(0, Math.ceil(Number(text) * 1000 - now)) : undefined;
    case 'epoch_ms':
      return INTEGER.test(text) ? Math.max(0, Number(text) - now) : undefined;
    case 'http_date': {
      const time = parseHttpDate(text, now);
      return time === undefined ? undefined : Math.max(0, time - now);
    }
    case 'auto':
      return SECONDS.test(text)
        ? headerDelayMs(text, 'delta_seconds', now)
        : headerDelayMs(text, 'http_date', now);
  }
}
