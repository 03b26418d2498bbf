/**
 * @module Every error code the engine raises, by area. Codes are stable and never reused; the API maps them to
 * HTTP statuses in one table (`apps/api/src/error-status.ts`). Messages never contain secrets.
 */
import { createError } from '@switchboard/errors';

// config/ — loading and validating integration files
/** One error carrying every problem of a file: `details.issues` = `ConfigIssue[]`. */
export const ConfigInvalid = createError('SB_ERR_CONFIG_INVALID', (summary: string) => summary);
export const ConfigRead = createError(
  'SB_ERR_CONFIG_READ',
  (file: string) => `cannot read integration file ${file}`,
);

// http/ — the network
export const UpstreamStatus = createError(
  'SB_ERR_HTTP_UPSTREAM_STATUS',
  (status: number, what: string) => `upstream answered ${status} to ${what}`,
);
export const UpstreamNetwork = createError(
  'SB_ERR_HTTP_NETWORK',
  (what: string) => `network failure calling ${what}`,
);
export const UpstreamTimeout = createError(
  'SB_ERR_HTTP_TIMEOUT',
  (what: string) => `timed out calling ${what}`,
);
export const UpstreamTooLarge = createError(
  'SB_ERR_HTTP_RESPONSE_TOO_LARGE',
  (limit: number) => `upstream response exceeds ${limit} bytes`,
);
export const UpstreamInvalidBody = createError(
  'SB_ERR_HTTP_INVALID_RESPONSE',
  (what: string) => `upstream answered a body that is not valid JSON for ${what}`,
);
/** Gave up waiting for the upstream's rate limit: `details.retry_at` (ISO) says when to try again. */
export const RateLimited = createError(
  'SB_ERR_HTTP_RATE_LIMITED',
  (retryAt: string) => `upstream rate limit reached; retry at ${retryAt}`,
);
export const ForbiddenUrl = createError(
  'SB_ERR_HTTP_FORBIDDEN_URL',
  (reason: string) => `refused upstream URL: ${reason}`,
);

// http/auth — credentials
/** The upstream refuses the stored credentials or refresh token: the account must be linked again. */
export const NeedsReauth = createError(
  'SB_ERR_AUTH_NEEDS_REAUTH',
  (reason: string) => `the account needs to be re-authorized: ${reason}`,
);
/** The upstream refused credentials at link time (verify / first token). */
export const InvalidCredentials = createError(
  'SB_ERR_AUTH_INVALID_CREDENTIALS',
  (reason: string) => `the upstream refused the credentials: ${reason}`,
);
export const TokenRequestFailed = createError(
  'SB_ERR_AUTH_TOKEN_REQUEST',
  (reason: string) => `token request failed: ${reason}`,
);

// http/pagination
export const RepeatedPageToken = createError(
  'SB_ERR_PAGINATION_REPEATED_TOKEN',
  (resource: string) => `upstream returned the same page token twice while paging ${resource}`,
);
export const ForeignNextLink = createError(
  'SB_ERR_PAGINATION_FOREIGN_ORIGIN',
  (resource: string) => `refused to follow a next link to another origin while paging ${resource}`,
);

// run/ — unified cursors
export const InvalidCursor = createError(
  'SB_ERR_CURSOR_INVALID',
  (reason: string) => `invalid cursor: ${reason}`,
);
/**
 * Where the next page starts (the upstream's next link or token, e.g. a next link echoing a long filter) does not
 * fit in a cursor the engine would accept back: the listing cannot go on past this page. `details` names the
 * integration, the resource, the cursor's length and the maximum.
 */
export const CursorTooLong = createError(
  'SB_ERR_CURSOR_TOO_LONG',
  (what: string) => `the upstream's next page position for ${what} is too long to fit in a cursor`,
);

// mapping/
/** A JSONata expression failed at run time: `details` names integration, resource, method, location, record id. */
export const MappingFailed = createError(
  'SB_ERR_MAPPING_FAILED',
  (where: string, reason: string) => `mapping ${where} failed: ${reason}`,
);

// run/ — operations
export const UnknownIntegration = createError(
  'SB_ERR_RUN_UNKNOWN_INTEGRATION',
  (name: string) => `unknown integration "${name}"`,
);
export const UnknownResource = createError(
  'SB_ERR_RUN_UNKNOWN_RESOURCE',
  (name: string) => `unknown resource "${name}"`,
);
export const UnsupportedOperation = createError(
  'SB_ERR_RUN_UNSUPPORTED_OPERATION',
  (what: string) => `${what} is not supported by this integration`,
);
/** `details.supported` lists the filters the operation can apply. */
export const UnsupportedFilter = createError(
  'SB_ERR_RUN_UNSUPPORTED_FILTER',
  (names: string) => `unsupported filter(s): ${names}`,
);
export const InvalidInput = createError('SB_ERR_RUN_INVALID_INPUT', (reason: string) => reason);
/**
 * A per-record enrichment call (`enrich:`) failed: the page is not answered without it (never silently partial).
 * Retryable; `details.remote` is the sub-call's upstream answer when there was one.
 */
export const EnrichmentFailed = createError(
  'SB_ERR_RUN_ENRICHMENT_FAILED',
  (what: string) => `enrichment ${what} failed; retry the request`,
);
/** A get answered 2xx but its `record:` path (or mapping) yielded no record. */
export const RecordNotFound = createError(
  'SB_ERR_RUN_RECORD_NOT_FOUND',
  (what: string) => `${what} was not found`,
);
