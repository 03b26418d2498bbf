/**
 * @module The SDK's error registry. The SDK has no runtime dependency, so it does not build on
 * `@switchboard/errors`; it keeps the same habits: one stable `code` per failure, messages that never hold a
 * secret, and the cause kept.
 */

import type { RateLimit } from './rate-limit.js';

/** Codes the SDK raises itself (the API's own codes arrive unchanged in {@link SwitchboardApiError.code}). */
export const SDK_ERROR_CODES = {
  /** The request never got an HTTP answer (DNS, refused or reset connection), after any retries. */
  network: 'SB_ERR_SDK_NETWORK',
  /** The API answered something that is not the contract's JSON (e.g. an HTML page from a proxy). */
  unexpectedResponse: 'SB_ERR_SDK_UNEXPECTED_RESPONSE',
  /** A call needs the API key but the client was built without one. */
  apiKeyMissing: 'SB_ERR_SDK_API_KEY_MISSING',
  /** An `admin.*` call but the client was built without `adminToken`. */
  adminTokenMissing: 'SB_ERR_SDK_ADMIN_TOKEN_MISSING',
  /** An id or resource name that cannot be a path segment: empty, `.` or `..` (URLs resolve those away). */
  pathSegmentInvalid: 'SB_ERR_SDK_PATH_SEGMENT_INVALID',
  /** A passthrough path that cannot be sent faithfully (absolute URL, `.` or `..` segment). */
  passthroughPathInvalid: 'SB_ERR_SDK_PASSTHROUGH_PATH_INVALID',
  /** The API handed back the cursor it was just given; following it would loop forever. */
  cursorRepeated: 'SB_ERR_SDK_CURSOR_REPEATED',
  /** A webhook delivery whose signature, timestamp or body does not verify ({@link verifyWebhook}). */
  webhookInvalid: 'SB_ERR_SDK_WEBHOOK_INVALID',
} as const;

export type SdkErrorCode = (typeof SDK_ERROR_CODES)[keyof typeof SDK_ERROR_CODES];

/** A code from the API (`SB_ERR_NOT_FOUND`, …) or from the SDK; open-ended so new API codes type-check. */
export type SwitchboardErrorCode = 'SB_ERR_NOT_FOUND' | SdkErrorCode | (string & {});

export interface SwitchboardSdkErrorOptions {
  cause?: unknown;
  details?: Record<string, unknown>;
}

/** Base of every error the SDK throws: `catch (e) { if (e instanceof SwitchboardSdkError) e.code … }`. */
export class SwitchboardSdkError extends Error {
  readonly code: SwitchboardErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: SwitchboardErrorCode, message: string, options: SwitchboardSdkErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SwitchboardSdkError';
    this.code = code;
    this.details = options.details ?? {};
  }

  override toString(): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

/** What the upstream answered when the API's error is an upstream failure. */
export interface RemoteError {
  status: number;
  body: unknown;
}

export interface SwitchboardApiErrorInit {
  status: number;
  code: SwitchboardErrorCode;
  message: string;
  details?: Record<string, unknown>;
  remote?: RemoteError | null;
  isRemoteError?: boolean;
  requestId?: string | null;
  retryAfterMs?: number | null;
  rateLimit?: RateLimit | null;
}

/** The API answered with an error status (the contract's error shape), or with something unreadable. */
export class SwitchboardApiError extends SwitchboardSdkError {
  /** The HTTP status Switchboard answered with. */
  readonly status: number;
  /** The upstream's status and body when the failure came from the upstream, else `null`. */
  readonly remote: RemoteError | null;
  /** True when the upstream, not Switchboard, refused or failed. */
  readonly isRemoteError: boolean;
  /** The `x-request-id` (or `request-id`) header, to quote when asking for support. */
  readonly requestId: string | null;
  /** Parsed `Retry-After` in milliseconds (429 and 503 answers), when the API sent one. */
  readonly retryAfterMs: number | null;
  /**
   * The upstream's rate-limit state (`ratelimit-*` headers) when the API reported it — error answers carry it too,
   * so a caller that hit a 429 or a 404 still knows its remaining budget. `null` when none was sent.
   */
  readonly rateLimit: RateLimit | null;

  constructor(init: SwitchboardApiErrorInit, options: { cause?: unknown } = {}) {
    super(init.code, init.message, { ...options, details: init.details ?? {} });
    this.name = 'SwitchboardApiError';
    this.status = init.status;
    this.remote = init.remote ?? null;
    this.isRemoteError = init.isRemoteError ?? this.remote !== null;
    this.requestId = init.requestId ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.rateLimit = init.rateLimit ?? null;
  }
}

/** No HTTP answer at all. Only idempotent requests were retried before this was thrown. */
export class SwitchboardConnectionError extends SwitchboardSdkError {
  constructor(method: string, path: string, attempts: number, cause: unknown) {
    const reason = describe(cause);
    super(
      SDK_ERROR_CODES.network,
      `${method} ${path} got no answer after ${attempts} attempt(s): ${reason}`,
      { cause, details: { method, path, attempts } },
    );
    this.name = 'SwitchboardConnectionError';
  }
}

/** The SDK was used in a way it cannot honour; raised before anything is sent. */
export class SwitchboardUsageError extends SwitchboardSdkError {
  constructor(code: SdkErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, { details });
    this.name = 'SwitchboardUsageError';
  }
}

/** fetch reports "fetch failed" and hides the useful part (ECONNREFUSED, socket closed) one cause deeper. */
function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`;
}
