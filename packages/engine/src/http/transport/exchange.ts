/**
 * @module One HTTP exchange over the shared pools: no auth, no retry, no parsing. Wire errors come out as
 * `NetworkFailure`; an abort comes out as the signal's reason.
 */
import type { HttpMethod } from '@switchboard/schema';
import { InvalidInput } from '../../errors.js';
import { normalizeHeaders } from './headers.js';
import { toNetworkFailure } from './network-failure.js';
import type { PoolRegistry } from './pool-registry.js';
import type { BodyStream } from './read-body.js';

export interface Timeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  /** The deadline of a whole call, retries and waits included (enforced by the request executor). */
  totalMs: number;
}

export interface ExchangeRequest {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: BodyStream;
}

export async function exchange(
  pools: PoolRegistry,
  request: ExchangeRequest,
  timeouts: Timeouts,
): Promise<RawResponse> {
  const pool = pools.get(request.url.origin, timeouts.connectMs);
  try {
    const response = await pool.request({
      method: request.method,
      path: `${request.url.pathname}${request.url.search}`,
      headers: request.headers,
      body: request.body ?? null,
      signal: request.signal ?? null,
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
    });
    return { status: response.statusCode, headers: normalizeHeaders(response.headers), body: response.body };
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    if (isInvalidArgument(error)) {
      // Nothing was sent and the same request would fail the same way: not a network failure, never retried.
      // undici's message may quote the value (a header can hold a credential), so it stays in the cause only.
      throw new InvalidInput('a value sent to the upstream contains characters HTTP does not allow', {
        cause: error,
      });
    }
    throw toNetworkFailure(error) ?? error;
  }
}

/** undici refuses a request it cannot put on the wire (CR/LF or NUL in a header, a bad method, …). */
function isInvalidArgument(error: unknown): boolean {
  return (
    error !== null &&
    typeof error === 'object' &&
    (error as { code?: unknown }).code === 'UND_ERR_INVALID_ARG'
  );
}
