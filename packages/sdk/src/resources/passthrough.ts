/**
 * @module The passthrough (`/passthrough/{path}`): any upstream path under the integration's base URL, auth
 * injected by Switchboard, the answer returned as it came.
 */

import { SDK_ERROR_CODES, SwitchboardUsageError } from '../errors.js';
import { encodeSegment } from '../path.js';
import type { QueryParams } from '../query-string.js';
import type { HttpMethod, Transport } from '../transport.js';

export interface PassthroughParams {
  integrated_account_id: string;
  method: HttpMethod;
  /** The upstream path below the base URL, unencoded (`api/2/users/42`); each segment is encoded for you. */
  path: string;
  /** Forwarded to the upstream; `integrated_account_id` is Switchboard's own and never forwarded. */
  query?: QueryParams;
  /** A plain value goes as JSON; a string, bytes, `Blob`, `URLSearchParams` or `FormData` as is. */
  body?: unknown;
  /** Sent to the upstream; `authorization` is always Switchboard's (the upstream's auth is injected server-side). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * Sends a passthrough request and returns the `Response` whatever its status: check `response.ok` yourself.
 * Only 429s (and network errors of idempotent methods) are retried.
 */
export async function passthrough(transport: Transport, params: PassthroughParams): Promise<Response> {
  return transport.send({
    method: params.method,
    path: `/passthrough/${encodePassthroughPath(params.path)}`,
    query: { ...params.query, integrated_account_id: params.integrated_account_id },
    body: params.body,
    headers: withDefaultAccept(params.headers),
    credential: 'apiKey',
  });
}

// Headers are case-insensitive: merging through `Headers` keeps a caller's `Accept` from doubling ours.
function withDefaultAccept(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const merged = new Headers({ accept: '*/*' });
  for (const [name, value] of Object.entries(headers ?? {})) merged.set(name, value);
  return Object.fromEntries(merged);
}

function encodePassthroughPath(path: string): string {
  // An absolute URL would point away from the upstream; `.`/`..` would be resolved by URL parsing before the
  // request leaves, reaching another Switchboard endpoint with your API key. The API refuses the rest (CRLF, @…).
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) throw invalid(path, 'an absolute URL');
  const segments = path.replace(/^\/+/, '').split('/');
  return segments
    .map((segment) => {
      if (segment === '') return '';
      if (segment === '.' || segment === '..') throw invalid(path, 'a "." or ".." segment');
      return encodeSegment(segment);
    })
    .join('/');
}

function invalid(path: string, what: string): SwitchboardUsageError {
  return new SwitchboardUsageError(
    SDK_ERROR_CODES.passthroughPathInvalid,
    `passthrough path "${path}" is ${what}; give a path below the integration's base URL`,
    { path },
  );
}
