/**
 * @module The list envelope every list call answers (unified, proxy, integrated accounts), plus the rate-limit
 * state the API reported alongside it.
 */
import { isRecord } from './api-error-response.js';
import { SDK_ERROR_CODES, SwitchboardApiError } from './errors.js';
import { type RateLimit, readRateLimit } from './rate-limit.js';

export interface ListEnvelope<T> {
  result: T[];
  /** Pass back exactly as received to get the next page; `null` on the last page. */
  next_cursor: string | null;
  prev_cursor: string | null;
  result_count: number;
}

export interface ListPage<T> extends ListEnvelope<T> {
  /** The `ratelimit-*` headers of this answer, or `null` when there were none. */
  rateLimit: RateLimit | null;
}

/** Checks the envelope's shape (a wrong one would otherwise surface far away as `undefined`) and adds `rateLimit`. */
export function toListPage<T>(data: unknown, headers: Headers, what: string): ListPage<T> {
  if (!isRecord(data) || !Array.isArray(data['result'])) {
    throw new SwitchboardApiError({
      status: 200,
      code: SDK_ERROR_CODES.unexpectedResponse,
      message: `${what} answered without a list envelope ({ result: [...] })`,
    });
  }
  const result = data['result'] as T[];
  return {
    result,
    next_cursor: typeof data['next_cursor'] === 'string' ? data['next_cursor'] : null,
    prev_cursor: typeof data['prev_cursor'] === 'string' ? data['prev_cursor'] : null,
    result_count: typeof data['result_count'] === 'number' ? data['result_count'] : result.length,
    rateLimit: readRateLimit(headers),
  };
}
