/**
 * @module The error responses each route documents in OpenAPI, derived from the codes it can answer: a route names
 * codes, the status table (`error-status.ts`) decides the statuses, so the document never disagrees with what a
 * caller actually receives.
 */
import { ERROR_STATUS, type ErrorCode, UPSTREAM_CODES, UPSTREAM_KEPT_STATUSES } from '../error-status.js';

/** What any authenticated route can answer before its handler runs (or when the handler has a bug). */
const EVERY_ROUTE: readonly ErrorCode[] = [
  'SB_ERR_VALIDATION',
  'SB_ERR_API_BAD_REQUEST',
  'SB_ERR_API_INVALID_JSON',
  'SB_ERR_API_JSON_TOO_DEEP',
  'SB_ERR_API_UNSUPPORTED_MEDIA_TYPE',
  'SB_ERR_API_PAYLOAD_TOO_LARGE',
  'SB_ERR_API_UNAUTHORIZED',
  'SB_ERR_API_RATE_LIMITED',
  'SB_ERR_STORE_UNAVAILABLE',
  'SB_ERR_STORE_DECRYPT_FAILED',
  'SB_ERR_API_INTERNAL',
];

/** A call that acts for an integrated account and reaches its upstream (unified, proxy). */
export const UPSTREAM_CALL_ERRORS: readonly ErrorCode[] = [
  'SB_ERR_NOT_FOUND',
  'SB_ERR_CURSOR_INVALID',
  'SB_ERR_CURSOR_TOO_LONG',
  'SB_ERR_RUN_UNKNOWN_RESOURCE',
  'SB_ERR_RUN_UNSUPPORTED_OPERATION',
  'SB_ERR_RUN_UNSUPPORTED_FILTER',
  'SB_ERR_RUN_INVALID_INPUT',
  'SB_ERR_RUN_RECORD_NOT_FOUND',
  // a stored account's refused credentials surface as NEEDS_REAUTH; INVALID_CREDENTIALS is only raised on linking
  ...[...UPSTREAM_CODES].filter((code) => code !== 'SB_ERR_AUTH_INVALID_CREDENTIALS'),
  'SB_ERR_HTTP_FORBIDDEN_URL',
  'SB_ERR_MAPPING_FAILED',
];

/**
 * Upstream codes not documented for linking: the account is new, so it cannot need re-authorising, and the live
 * check reads one answer, not a chain of pages. Size and shape failures of that answer are not documented for
 * linking today; kept out here so the document stays as it was.
 */
const NOT_ON_VERIFY: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'SB_ERR_AUTH_NEEDS_REAUTH',
  'SB_ERR_HTTP_RESPONSE_TOO_LARGE',
  'SB_ERR_HTTP_INVALID_RESPONSE',
  'SB_ERR_PAGINATION_REPEATED_TOKEN',
  'SB_ERR_PAGINATION_FOREIGN_ORIGIN',
]);

/** Linking or re-linking an account: the engine checks the fields and verifies them live. */
export const VERIFY_ERRORS: readonly ErrorCode[] = [
  'SB_ERR_RUN_UNKNOWN_INTEGRATION',
  'SB_ERR_RUN_INVALID_INPUT',
  ...[...UPSTREAM_CODES].filter((code) => !NOT_ON_VERIFY.has(code)),
];

const errorRef = 'ErrorResponse#';

/**
 * The `response` entries for the error answers of a route that can raise `codes` (plus those every route can):
 * one entry per status, its description listing the codes behind it. An upstream failure that keeps the upstream's
 * status is documented under each status it can keep.
 */
export function errors(...codes: readonly ErrorCode[]): Record<number, unknown> {
  const byStatus = new Map<number, Set<string>>();
  const add = (status: number, code: string) => {
    const set = byStatus.get(status) ?? new Set<string>();
    set.add(code);
    byStatus.set(status, set);
  };
  for (const code of [...EVERY_ROUTE, ...codes]) {
    add(ERROR_STATUS[code], code);
    if (code === 'SB_ERR_HTTP_UPSTREAM_STATUS') {
      for (const status of UPSTREAM_KEPT_STATUSES) add(status, code);
    }
  }
  const statuses = [...byStatus.keys()].sort((a, b) => a - b);
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: [...(byStatus.get(status) ?? [])].join(', '), $ref: errorRef },
    ]),
  );
}
