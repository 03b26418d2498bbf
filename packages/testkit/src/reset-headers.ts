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
}

/** Every time-valued header the integration declares, lower-case, Retry-After included by default. */
export function timeHeaders(integration: CompiledIntegration): TimeHeader[] {
  const { rate_limit: rateLimit, retry } = integration.definition;
  const headers: TimeHeader[] = [];
  if (rateLimit?.headers)
    headers.push({ name: rateLimit.headers.reset.toLowerCase(), format: rateLimit.headers.reset_format });
  for (const item of retry?.wait_from ?? [{ header: 'retry-after', format: 'auto' as const }])
    headers.push({ name: item.header.toLowerCase(), format: item.format });
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

/**
 * An absolute time value re-expressed on the frozen clock (`realNow` → `frozenNow`, same distance); relative
 * values (seconds left) are returned untouched.
 */
export function shiftToClock(value: string, format: TimeFormat, realNow: number, frozenNow: number): string {
  const text = value.trim();
  const numeric = /^\d+(\.\d+)?$/.test(text);
  switch (format) {
    case 'epoch_seconds':
      return numeric ? String(Math.round(Number(text) - realNow / 1000 + frozenNow / 1000)) : value;
    case 'epoch_ms':
      return numeric ? String(Math.round(Number(text) - realNow + frozenNow)) : value;
    case 'http_date':
    case 'auto': {
      if (numeric) return value;
      const at = Date.parse(text);
      return Number.isNaN(at) ? value : new Date(at - realNow + frozenNow).toUTCString();
    }
    case 'delta_seconds':
      return value;
  }
}

/**
 * A long "seconds left" value rounded up to the whole minute: it differs by a second or two on every recording
 * (churn) while the wait it means barely changes. Short ones (a Retry-After of 1) are kept exact.
 */
export function steadySeconds(value: string): string {
  const text = value.trim();
  if (!/^\d+$/.test(text) || Number(text) <= 60) return value;
  return String(Math.ceil(Number(text) / 60) * 60);
}
