/**
 * @module When and how long to wait before sending a request again.
 * A 429 means the API did not act on the request, so any method is retried. A network failure leaves it unknown
 * whether the request landed, so only methods that are safe to repeat are retried (RFC 9110 §9.2.2).
 */

export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export interface RetryPolicy {
  /** Retries after the first attempt; `0` disables retrying. */
  maxRetries: number;
  /** A `Retry-After` longer than this is not waited for: the 429 is thrown at once instead. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/** Exponential backoff with jitter, used when the API gave no `Retry-After`: 0.5 s, 1 s, 2 s … capped at 8 s. */
export function backoffDelay(attempt: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** attempt);
  // Half fixed, half random: spreads out clients that failed together without ever retrying instantly.
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
