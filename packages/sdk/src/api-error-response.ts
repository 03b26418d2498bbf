/**
 * @module Reading an error answer (`{ statusCode, code, error, message, details, remote?, is_remote_error? }`)
 * into a {@link SwitchboardApiError}. Anything else (an HTML page from a proxy in front of the API, an empty
 * body) still becomes a typed error, with the SDK's own code.
 */
import { type RemoteError, SDK_ERROR_CODES, SwitchboardApiError } from './errors.js';
import { readRateLimit } from './rate-limit.js';
import { parseRetryAfter } from './retry-after.js';

export async function readApiError(
  response: Response,
  method: string,
  path: string,
): Promise<SwitchboardApiError> {
  const requestId = response.headers.get('x-request-id') ?? response.headers.get('request-id');
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  const rateLimit = readRateLimit(response.headers);
  const text = await response.text();
  const body = parseJson(text);
  if (!isRecord(body) || typeof body['code'] !== 'string') {
    return new SwitchboardApiError({
      status: response.status,
      code: SDK_ERROR_CODES.unexpectedResponse,
      // The body itself is left out: it was not written for clients and may echo anything.
      message: `${method} ${path} answered ${response.status} ${response.statusText} without the API's error shape`,
      details: { contentType: response.headers.get('content-type') },
      requestId,
      retryAfterMs,
      rateLimit,
    });
  }
  const remote = readRemote(body['remote']);
  return new SwitchboardApiError({
    status: response.status,
    code: body['code'],
    message:
      typeof body['message'] === 'string' ? body['message'] : `${method} ${path} answered ${response.status}`,
    details: isRecord(body['details']) ? body['details'] : {},
    remote,
    isRemoteError: body['is_remote_error'] === true || remote !== null,
    requestId,
    retryAfterMs,
    rateLimit,
  });
}

function readRemote(value: unknown): RemoteError | null {
  if (!isRecord(value)) return null;
  return { status: typeof value['status'] === 'number' ? value['status'] : 0, body: value['body'] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: the caller reports it as an unexpected response.
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
