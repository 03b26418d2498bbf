/**
 * @module The effective `retry:` block of an integration, defaults filled in. Defaults hold when the block is
 * absent and for each key it leaves out.
 */
import type { Retry } from '@switchboard/schema';
import type { HeaderTimeFormat } from '../time/header-delay.js';
import { parseDuration } from '../time/parse-duration.js';

export interface RetryPolicy {
  maxAttempts: number;
  retriesStatus(status: number): boolean;
  onNetworkError: boolean;
  backoff: { initialMs: number; maxMs: number; factor: number; jitter: 'full' | 'none' };
  waitFrom: { header: string; format: HeaderTimeFormat }[];
  /** The most a single operation waits in total (retries and rate budget) before giving up. */
  maxWaitMs: number;
}

export const RETRY_DEFAULTS = {
  maxAttempts: 4,
  // 500 is usually a deterministic bug upstream; the gateway and overload statuses are worth repeating.
  onStatus: ['429', '502', '503', '504'],
  onNetworkError: true,
  initial: '500ms',
  max: '30s',
  factor: 2,
  maxWait: '30s',
  waitFrom: [{ header: 'retry-after', format: 'auto' as const }],
};

function statusMatcher(patterns: readonly string[]): (status: number) => boolean {
  const exact = new Set<number>();
  const classes = new Set<number>();
  for (const pattern of patterns) {
    if (pattern.endsWith('XX')) classes.add(Number(pattern[0]));
    else exact.add(Number(pattern));
  }
  return (status) => exact.has(status) || classes.has(Math.floor(status / 100));
}

export function retryPolicy(retry: Retry | undefined): RetryPolicy {
  return {
    maxAttempts: retry?.max_attempts ?? RETRY_DEFAULTS.maxAttempts,
    retriesStatus: statusMatcher(retry?.on_status ?? RETRY_DEFAULTS.onStatus),
    onNetworkError: retry?.on_network_error ?? RETRY_DEFAULTS.onNetworkError,
    backoff: {
      initialMs: parseDuration(retry?.backoff?.initial ?? RETRY_DEFAULTS.initial, 0),
      maxMs: parseDuration(retry?.backoff?.max ?? RETRY_DEFAULTS.max, 0),
      factor: retry?.backoff?.factor ?? RETRY_DEFAULTS.factor,
      jitter: retry?.backoff?.jitter ?? 'full',
    },
    waitFrom: (retry?.wait_from ?? RETRY_DEFAULTS.waitFrom).map((item) => ({
      header: item.header.toLowerCase(),
      format: item.format,
    })),
    maxWaitMs: parseDuration(retry?.max_wait ?? RETRY_DEFAULTS.maxWait, 0),
  };
}
