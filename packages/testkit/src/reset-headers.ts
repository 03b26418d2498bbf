/**
 * @module The time-valued headers an integration declares (its rate-limit reset, its `retry.wait_from` headers):
 * writing "in N seconds" in each one's format, and moving an absolute value (an epoch, an HTTP date) from the live
 * upstream's real clock onto the recording's frozen clock, so replay reads the same wait on the same clock.
 */
import type { CompiledIntegration } from '@switchboard/engine';

export type TimeFormat = 'auto' | 'delta_seconds' | 'epoch_seconds' | 'epoch_ms' | 'http_date';

export interface TimeHeader {
  /** Lower-case header name. */
  name: string;
  format: TimeFormat;
  /**
   * `reset`: when a rate window resets — kept steady across recordings by rounding up to the whole minute;
   * `wait`: how long to wait before a retry — kept exact.
   */
  kind: 'reset' | 'wait';
}

/** Every time-valued header the integration declares, lower-case, Retry-After included by default. */
export function timeHeaders(integration: CompiledIntegration): TimeHeader[] {
  const { rate_limit: rateLimit, retry } = integration.definition;
  const headers: TimeHeader[] = [];
  if (rateLimit?.headers)
    headers.push({
      name: rateLimit.headers.reset.toLowerCase(),
      format: rateLimit.headers.reset_format,
      kind: 'reset',
    });
  for (const item of retry?.wait_from ?? [{ header: 'retry-after', format: 'auto' as const }]) {
    const name = item.header.toLowerCase();
    if (!headers.some((h) => h.name === name)) headers.push({ name, format: item.format, kind: 'wait' });
  }
  return headers;
}

/** `seconds` from `now`, written the way `format` reads it. */
export function writeIn(format: TimeFormat, seconds: number, now: number): string {
  switch (format) {
    case 'auto':
    case 'delta_seconds':
      return String(seconds);
    case 'epoch_seconds':
      return String(Math.ceil(now / 1000) + seconds);
    case 'epoch_ms':
      return String(now + seconds * 1000);
    case 'http_date':
      return new Date(now + seconds * 1000).toUTCString();
  }
}

// A reset moves with the moment of the recording; rounded up to the minute it stays put (and waits no less).
const steady = (ms: number, header: TimeHeader) =>
  header.kind === 'reset' && ms > 0 ? Math.ceil(ms / 60_000) * 60_000 : Math.round(ms / 1000) * 1000;

/**
 * The header's value as the engine and the fixture see it: an absolute time (an epoch, an HTTP date) moved from
 * the live upstream's clock (`realNow`) onto the frozen one (`frozenNow`), the same distance ahead; a reset
 * rounded up to the whole minute; anything unreadable untouched.
 */
export function onFrozenClock(value: string, header: TimeHeader, realNow: number, frozenNow: number): string {
  const text = value.trim();
  const numeric = /^\d+(\.\d+)?$/.test(text);
  switch (header.format) {
    case 'epoch_seconds':
      return numeric
        ? String(Math.round((frozenNow + steady(Number(text) * 1000 - realNow, header)) / 1000))
        : value;
    case 'epoch_ms':
      return numeric ? String(frozenNow + steady(Number(text) - realNow, header)) : value;
    case 'delta_seconds':
    case 'auto': {
      if (numeric) return String(Math.ceil(steady(Number(text) * 1000, header) / 1000));
      if (header.format === 'delta_seconds') return value;
      return onFrozenClock(value, { ...header, format: 'http_date' }, realNow, frozenNow);
    }
    case 'http_date': {
      const at = Date.parse(text);
      return Number.isNaN(at) ? value : new Date(frozenNow + steady(at - realNow, header)).toUTCString();
    }
  }
}
