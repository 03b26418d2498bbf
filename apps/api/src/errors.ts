/**
 * @module The API's own error registry. Engine and store codes pass through unchanged; these cover what only the
 * HTTP adapter can detect. Statuses live in `error-status.ts`. Messages never contain secrets or request bodies.
 */
import { createError } from '@switchboard/errors';

/** An unknown route, a missing or foreign account id, or an upstream record that does not exist. */
export const NotFound = createError('SB_ERR_NOT_FOUND', (what: string) => `${what} not found`);

/** The request does not match the route's schema: `details.issues` lists every problem. */
export const ValidationFailed = createError('SB_ERR_VALIDATION', (summary: string) => summary);

/** Missing, malformed or unknown API key (or admin token on `/admin/*`). */
export const Unauthorized = createError(
  'SB_ERR_API_UNAUTHORIZED',
  (reason: string) => `authentication required: ${reason}`,
);

export const InvalidJson = createError('SB_ERR_API_INVALID_JSON', () => 'the request body is not valid JSON');

/** A JSON body nesting deeper than any real payload (a stack-exhaustion attempt). */
export const JsonTooDeep = createError(
  'SB_ERR_API_JSON_TOO_DEEP',
  (limit: number) => `the request body nests deeper than ${limit} levels`,
);

export const UnsupportedMediaType = createError(
  'SB_ERR_API_UNSUPPORTED_MEDIA_TYPE',
  (type: string) => `unsupported content type ${type}; send application/json`,
);

export const PayloadTooLarge = createError(
  'SB_ERR_API_PAYLOAD_TOO_LARGE',
  () => 'the request body is larger than the server accepts',
);

/** Any other malformed request the framework refuses (bad URL encoding, bad content-length, …). */
export const BadRequest = createError('SB_ERR_API_BAD_REQUEST', (reason: string) => reason);

/** The API key spent its own request budget (`SWITCHBOARD_API_RATE_LIMIT`); `Retry-After` says when to retry. */
export const ApiRateLimited = createError(
  'SB_ERR_API_RATE_LIMITED',
  (window: string) => `too many requests for this API key; retry in ${window}`,
);

/** A method the route does not serve (the stateless MCP endpoint answers only POST). */
export const MethodNotAllowed = createError(
  'SB_ERR_API_METHOD_NOT_ALLOWED',
  (method: string, path: string) => `${method} ${path} is not supported; see the Allow header`,
);

/** A bug: never caused by input. Logged with its cause; the answer carries only the request id. */
export const Internal = createError('SB_ERR_API_INTERNAL', () => 'internal error');

/** The server's environment variables are invalid: `details.issues` names each variable and problem. */
export const SettingsInvalid = createError('SB_ERR_API_SETTINGS_INVALID', (summary: string) => summary);
