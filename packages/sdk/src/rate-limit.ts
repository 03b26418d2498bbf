/**
 * @module The `ratelimit-*` headers the API passes on from the upstream (IETF RateLimit header fields draft).
 */

export interface RateLimit {
  /** Requests allowed in the current window. */
  limit: number | null;
  /** Requests left in the current window. */
  remaining: number | null;
  /** Seconds until the window resets, as the header states it. */
  reset: number | null;
}

/** The rate-limit state the API reported, or `null` when it sent none of the headers. */
export function readRateLimit(headers: Headers): RateLimit | null {
  const limit = readNumber(headers, 'ratelimit-limit');
  const remaining = readNumber(headers, 'ratelimit-remaining');
  const reset = readNumber(headers, 'ratelimit-reset');
  if (limit === null && remaining === null && reset === null) return null;
  return { limit, remaining, reset };
}

function readNumber(headers: Headers, name: string): number | null {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}
