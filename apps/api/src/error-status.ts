/**
 * @module The one table from error codes to HTTP statuses. The engine and the store raise coded errors and know
 * nothing about HTTP; this file decides what a caller sees. The table is typed over every package's registry
 * (the engine's public errors, `storeErrors`, this package's `errors.ts`): a code added without a row here, or a
 * row for a code that no longer exists, does not compile.
 */
import type * as engine from '@switchboard/engine';
import type { CodeOf } from '@switchboard/errors';
import type { storeErrors } from '@switchboard/store';
import type * as apiErrors from './errors.js';

/** Every error code a caller can see. */
export type ErrorCode = CodeOf<typeof apiErrors> | CodeOf<typeof engine> | CodeOf<typeof storeErrors>;

/** Status per stable error code. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = Object.freeze({
  // API (this package)
  SB_ERR_NOT_FOUND: 404,
  SB_ERR_VALIDATION: 400,
  SB_ERR_API_METHOD_NOT_ALLOWED: 405,
  SB_ERR_API_UNAUTHORIZED: 401,
  SB_ERR_API_INVALID_JSON: 400,
  SB_ERR_API_JSON_TOO_DEEP: 400,
  SB_ERR_API_UNSUPPORTED_MEDIA_TYPE: 415,
  SB_ERR_API_PAYLOAD_TOO_LARGE: 413,
  SB_ERR_API_BAD_REQUEST: 400,
  SB_ERR_API_RATE_LIMITED: 429,
  SB_ERR_API_INTERNAL: 500,
  SB_ERR_API_SETTINGS_INVALID: 500,

  // engine: config (operator problems found at start; never caused by a request)
  SB_ERR_CONFIG_INVALID: 500,
  SB_ERR_CONFIG_READ: 500,

  // engine: the upstream and the network
  SB_ERR_HTTP_UPSTREAM_STATUS: 502, // refined by upstreamStatus() below
  SB_ERR_HTTP_NETWORK: 502,
  SB_ERR_HTTP_TIMEOUT: 504,
  SB_ERR_HTTP_RESPONSE_TOO_LARGE: 502,
  SB_ERR_HTTP_INVALID_RESPONSE: 502,
  SB_ERR_HTTP_RATE_LIMITED: 429,
  SB_ERR_HTTP_FORBIDDEN_URL: 400,

  // engine: credentials
  // 409, not 401: a 401 would tell the caller their *API key* is wrong. The account is flagged `needs_reauth`.
  SB_ERR_AUTH_NEEDS_REAUTH: 409,
  SB_ERR_AUTH_INVALID_CREDENTIALS: 422,
  SB_ERR_AUTH_TOKEN_REQUEST: 502,

  // engine: pagination, cursors, mapping, operations
  SB_ERR_PAGINATION_REPEATED_TOKEN: 502,
  SB_ERR_PAGINATION_FOREIGN_ORIGIN: 502,
  SB_ERR_CURSOR_INVALID: 400,
  // the upstream's next link or token is too long to fit in a cursor the next call would accept: its fault, not the
  // caller's (not an UPSTREAM_CODE: no upstream answer failed, and linking never pages)
  SB_ERR_CURSOR_TOO_LONG: 502,
  SB_ERR_MAPPING_FAILED: 502,
  SB_ERR_RUN_UNKNOWN_INTEGRATION: 400,
  SB_ERR_RUN_UNKNOWN_RESOURCE: 404,
  // 405: the path names a real resource, the integration just does not offer this method on it.
  SB_ERR_RUN_UNSUPPORTED_OPERATION: 405,
  SB_ERR_RUN_UNSUPPORTED_FILTER: 400,
  SB_ERR_RUN_INVALID_INPUT: 400,
  // a get answered 2xx without the record, or a write's follow-up read found nothing: the id names no record
  SB_ERR_RUN_RECORD_NOT_FOUND: 404,
  // an `expand`ed field's per-record upstream call failed: the answer is not given without it; retry
  SB_ERR_RUN_ENRICHMENT_FAILED: 502,

  // store
  SB_ERR_STORE_UNAVAILABLE: 503,
  SB_ERR_STORE_CONFLICT: 409,
  SB_ERR_STORE_ENVIRONMENT_NOT_FOUND: 404,
  SB_ERR_STORE_INVALID_ARGUMENT: 400,
  SB_ERR_STORE_DECRYPT_FAILED: 500,
  SB_ERR_STORE_MIGRATION_FAILED: 503,
  // store: operator problems found at start (never caused by a request)
  SB_ERR_STORE_ENCRYPTION_KEY_MISSING: 500,
  SB_ERR_STORE_ENCRYPTION_KEY_INVALID: 500,
  SB_ERR_STORE_DATABASE_URL_INVALID: 500,
} satisfies Record<ErrorCode, number>);

/**
 * Engine codes that describe something the upstream did (refused, failed, stalled, throttled, misbehaved while
 * paging), even when no response came back. Error bodies flag them `is_remote_error`; the route documentation and
 * the connect form derive their upstream lists from this one set. The order is the order routes document them in.
 */
export const UPSTREAM_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'SB_ERR_AUTH_NEEDS_REAUTH',
  'SB_ERR_AUTH_INVALID_CREDENTIALS',
  'SB_ERR_AUTH_TOKEN_REQUEST',
  'SB_ERR_HTTP_UPSTREAM_STATUS',
  'SB_ERR_HTTP_NETWORK',
  'SB_ERR_HTTP_TIMEOUT',
  'SB_ERR_HTTP_RESPONSE_TOO_LARGE',
  'SB_ERR_HTTP_INVALID_RESPONSE',
  'SB_ERR_HTTP_RATE_LIMITED',
  'SB_ERR_PAGINATION_REPEATED_TOKEN',
  'SB_ERR_PAGINATION_FOREIGN_ORIGIN',
]);

/** Whether `code` is one of the {@link UPSTREAM_CODES}. */
export function isUpstreamCode(code: string): code is ErrorCode {
  return (UPSTREAM_CODES as ReadonlySet<string>).has(code);
}

/** The status for a code; unknown codes are bugs and answer 500. */
export function statusOf(code: string): number {
  return (ERROR_STATUS as Readonly<Record<string, number>>)[code] ?? 500;
}

/**
 * What a caller sees when the upstream answered an error status that survived retries:
 * the caller's own mistakes (4xx the upstream attributes to the request) keep their status, 404 becomes our
 * `SB_ERR_NOT_FOUND`, 401 means the stored credentials stopped working, and the upstream's own failures are 502.
 */
/** Upstream statuses that describe the caller's own request, so they reach the caller unchanged. */
export const UPSTREAM_KEPT_STATUSES: readonly number[] = [400, 403, 405, 409, 412, 413, 415, 422, 429];

export function upstreamStatus(remoteStatus: number): { status: number; code?: string } {
  if (remoteStatus === 404 || remoteStatus === 410) return { status: 404, code: 'SB_ERR_NOT_FOUND' };
  if (remoteStatus === 401) return { status: 409, code: 'SB_ERR_AUTH_NEEDS_REAUTH' };
  if (UPSTREAM_KEPT_STATUSES.includes(remoteStatus)) return { status: remoteStatus };
  return { status: 502 };
}
