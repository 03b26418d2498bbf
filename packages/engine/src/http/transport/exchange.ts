/**
 * @module One HTTP exchange over the shared pools: no auth, no retry, no parsing. Wire errors come out as
 * `NetworkFailure`; an abort comes out as the signal's reason.
 */
import type { HttpMethod } from '@switchboard/schema';
import { normalizeHeaders } from './headers.js';
import { toNetworkFailure } from './network-failure.js';
import type { PoolRegistry } from './pool-registry.js';
import type { BodyStream } from './read-body.js';

export interface Timeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
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
    throw toNetworkFailure(error) ?? error;
  }
}
