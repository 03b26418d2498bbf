/**
 * @module Turns any thrown value into the contract's error shape
 * `{ statusCode, code, error, message, details, remote?, is_remote_error? }`, with its status and headers.
 * Upstream headers stay private; only the upstream status and body are shown.
 */
import { STATUS_CODES } from 'node:http';
import { isSwitchboardError } from '@switchboard/errors';
import { isUpstreamCode, statusOf, upstreamStatus } from './error-status.js';

export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  details: Record<string, unknown>;
  remote?: { status?: number; body?: unknown };
  is_remote_error?: true;
}

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: ErrorBody;
}

/** Fastify's own request errors, by code. */
const FRAMEWORK: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'SB_ERR_API_UNSUPPORTED_MEDIA_TYPE',
    message: 'unsupported content type; send application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'SB_ERR_API_PAYLOAD_TOO_LARGE',
    message: 'the request body is larger than the server accepts',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'SB_ERR_API_INVALID_JSON',
    message: 'the request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'SB_ERR_API_INVALID_JSON',
    message: 'the request body is empty but its content type says JSON',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'SB_ERR_API_BAD_REQUEST',
    message: 'the content-length header does not match the body',
  },
  FST_ERR_BAD_URL: { status: 400, code: 'SB_ERR_API_BAD_REQUEST', message: 'the URL is not validly encoded' },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 400,
    code: 'SB_ERR_API_BAD_REQUEST',
    message: 'a path segment is too long',
  },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'SB_ERR_API_BAD_REQUEST', message: 'bad request' },
};

interface FrameworkError {
  code?: unknown;
  statusCode?: unknown;
  validation?: { instancePath?: string; message?: string; keyword?: string; params?: unknown }[];
  validationContext?: string;
  serialization?: unknown;
}

/**
 * Maps an error to its status, headers and body.
 *
 * @example
 * const { status, headers, body } = toErrorResponse(error, { url: request.url });
 */
export function toErrorResponse(error: unknown, context: { url?: string } = {}): ErrorResponse {
  if (isSwitchboardError(error)) return fromSwitchboardError(error);
  const candidate = (typeof error === 'object' && error !== null ? error : {}) as FrameworkError;

  if (Array.isArray(candidate.validation)) {
    const { message, issues } = validationFailure(
      candidate.validationContext ?? 'request',
      candidate.validation,
    );
    return build(400, 'SB_ERR_VALIDATION', message, { issues });
  }

  const known = typeof candidate.code === 'string' ? FRAMEWORK[candidate.code] : undefined;
  if (known !== undefined) return build(known.status, known.code, known.message, {});

  if (candidate.serialization !== undefined && context.url?.startsWith('/unified/')) {
    // The mapping produced a record the unified schema cannot carry: the integration is at fault, not the caller.
    return build(
      502,
      'SB_ERR_MAPPING_FAILED',
      'the integration produced a record that does not match the unified model',
      {},
    );
  }

  const status = typeof candidate.statusCode === 'number' ? candidate.statusCode : 500;
  if (status >= 400 && status < 500 && status !== 401) {
    return build(status, 'SB_ERR_API_BAD_REQUEST', STATUS_CODES[status] ?? 'bad request', {});
  }
  return build(500, 'SB_ERR_API_INTERNAL', 'internal error', {});
}

/**
 * The message and `details.issues` of `SB_ERR_VALIDATION` for schema violations at `location` (`querystring`,
 * `body`, …): what a route's schema answers, and what a check made later in a handler answers the same way.
 */
export function validationFailure(
  location: string,
  validation: readonly NonNullable<FrameworkError['validation']>[number][],
): { message: string; issues: { location: string; path: string; message: string; params?: unknown }[] } {
  const issues = validation.map((issue) => ({
    location,
    path: issue.instancePath ?? '',
    message: issue.message ?? 'is invalid',
    ...(issue.keyword === 'additionalProperties' ? { params: issue.params } : {}),
  }));
  const summary = issues.map((issue) => `${location}${issue.path} ${issue.message}`).join('; ');
  return { message: `invalid request: ${summary}`, issues };
}

function fromSwitchboardError(error: {
  code: string;
  message: string;
  details: Record<string, unknown>;
}): ErrorResponse {
  const { remote, ...details } = error.details;
  const remoteInfo = readRemote(remote);
  let status = statusOf(error.code);
  let code = error.code;
  if (error.code === 'SB_ERR_HTTP_UPSTREAM_STATUS' && remoteInfo?.status !== undefined) {
    const mapped = upstreamStatus(remoteInfo.status);
    status = mapped.status;
    code = mapped.code ?? code;
  }
  const response = build(status, code, error.message, details);
  // A wait refused by Switchboard's own budget (no upstream answer behind it) is not a remote error.
  const fromBudget = error.details['source'] === 'budget';
  if (remoteInfo !== undefined || (isUpstreamCode(error.code) && !fromBudget)) {
    response.body.is_remote_error = true;
    if (remoteInfo !== undefined) {
      response.body.remote = {
        ...(remoteInfo.status === undefined ? {} : { status: remoteInfo.status }),
        body: remoteInfo.body ?? null,
      };
    }
  }
  if (status === 429) {
    response.headers['retry-after'] = String(retryAfterSeconds(details, remoteInfo?.headers));
  }
  return response;
}

function readRemote(
  remote: unknown,
): { status?: number; body?: unknown; headers?: Record<string, unknown> } | undefined {
  if (typeof remote !== 'object' || remote === null) return undefined;
  const { status, body, headers } = remote as { status?: unknown; body?: unknown; headers?: unknown };
  return {
    ...(typeof status === 'number' ? { status } : {}),
    body,
    ...(typeof headers === 'object' && headers !== null
      ? { headers: headers as Record<string, unknown> }
      : {}),
  };
}

/** Whole seconds until a retry makes sense: from the engine's `retry_at`, else the upstream's `Retry-After`. */
function retryAfterSeconds(details: Record<string, unknown>, headers?: Record<string, unknown>): number {
  const candidates = [details['retry_at'], details['retryAt']];
  for (const candidate of candidates) {
    const at = typeof candidate === 'string' ? Date.parse(candidate) : Number.NaN;
    if (!Number.isNaN(at)) return Math.max(1, Math.ceil((at - Date.now()) / 1000));
  }
  const header = headers?.['retry-after'];
  if (typeof header === 'string') {
    if (/^\d+$/.test(header.trim())) return Math.max(1, Number(header.trim()));
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.max(1, Math.ceil((at - Date.now()) / 1000));
  }
  const after = details['retry_after'];
  if (typeof after === 'number') return Math.max(1, Math.ceil(after));
  return 1;
}

function build(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown>,
): ErrorResponse {
  return {
    status,
    headers: {},
    body: { statusCode: status, code, error: STATUS_CODES[status] ?? 'Error', message, details },
  };
}
