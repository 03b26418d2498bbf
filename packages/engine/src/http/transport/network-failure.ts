/**
 * @module What went wrong on the wire, before any HTTP status: the retry layer needs to know whether it was a
 * timeout and whether the request may have reached the upstream (only then is a retry ambiguous).
 */
import { SwitchboardError } from '@switchboard/errors';

/** Errors raised before a single byte of the request can have been processed upstream. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TIMEOUTS = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

export class NetworkFailure extends Error {
  override readonly name = 'NetworkFailure';
  constructor(
    /** The underlying error code (`ECONNRESET`, `UND_ERR_HEADERS_TIMEOUT`, …) or `unknown`. */
    readonly code: string,
    readonly timeout: boolean,
    /** False only when the request certainly never reached the upstream (DNS, refused, connect timeout). */
    readonly maybeSent: boolean,
    options: { cause: unknown },
  ) {
    super(`network failure (${code})`, options);
  }
}

function codeOf(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return codeOf((error as { cause?: unknown }).cause);
}

/** Wraps a transport error; returns undefined for errors that are not network failures (aborts, bugs). */
export function toNetworkFailure(error: unknown): NetworkFailure | undefined {
  if (error instanceof NetworkFailure) return error;
  if (!(error instanceof Error) || error.name === 'AbortError' || error instanceof SwitchboardError)
    return undefined;
  const code = codeOf(error) ?? 'unknown';
  if (code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') return undefined;
  return new NetworkFailure(code, TIMEOUTS.has(code), !NOT_SENT.has(code), { cause: error });
}
