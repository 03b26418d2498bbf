/**
 * @module `Retry-After` (RFC 9110 §10.2.3): either delay-seconds or an HTTP date.
 */

/** Milliseconds to wait, or `null` when the header is absent or unreadable. A date in the past gives `0`. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form starts with a day name; checking it keeps Date.parse's leniency ('-3' is a year) out.
  if (!/^[A-Za-z]{3}/.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
