/**
 * @module The one place that talks to the network: builds the URL and headers, sends through the injected
 * `fetch`, retries per {@link RetryPolicy}, and turns error answers into typed errors.
 */
import { readApiError } from './api-error-response.js';
import {
  SDK_ERROR_CODES,
  SwitchboardApiError,
  SwitchboardConnectionError,
  SwitchboardUsageError,
} from './errors.js';
import { encodeQuery, type QueryParams } from './query-string.js';
import { encodeBody } from './request-body.js';
import { parseRetryAfter } from './retry-after.js';
import { backoffDelay, IDEMPOTENT_METHODS, type RetryPolicy } from './retry-policy.js';

export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The subset of `fetch` the SDK calls; pass any compatible implementation (undici, a test double, a wrapper). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Which bearer token a call carries. */
export type Credential = 'apiKey' | 'adminToken' | 'none';

export interface Call {
  method: HttpMethod;
  /** Path below the base URL, segments already encoded, starting with `/`. */
  path: string;
  query?: QueryParams;
  body?: unknown;
  credential: Credential;
  /** Extra headers (passthrough); they never replace the SDK's `authorization`. */
  headers?: Readonly<Record<string, string>>;
}

export interface TransportOptions {
  baseUrl: string;
  fetch: FetchLike;
  apiKey: string | undefined;
  adminToken: string | undefined;
  retry: RetryPolicy;
}

export class Transport {
  readonly #options: TransportOptions;

  constructor(options: TransportOptions) {
    this.#options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
  }

  /** Sends with retries and returns the final answer whatever its status. */
  async send(call: Call): Promise<Response> {
    const url = `${this.#options.baseUrl}${call.path}${encodeQuery(call.query ?? {})}`;
    const init = this.#init(call);
    const { maxRetries, maxDelayMs, sleep } = this.#options.retry;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await this.#options.fetch(url, init);
      } catch (cause) {
        if (attempt < maxRetries && IDEMPOTENT_METHODS.has(call.method) && !isAbort(cause)) {
          await sleep(backoffDelay(attempt));
          continue;
        }
        throw new SwitchboardConnectionError(call.method, call.path, attempt + 1, cause);
      }
      if (response.status === 429 && attempt < maxRetries) {
        const delay = parseRetryAfter(response.headers.get('retry-after')) ?? backoffDelay(attempt);
        if (delay <= maxDelayMs) {
          // Free the connection: an unread body keeps it busy.
          await response.body?.cancel();
          await sleep(delay);
          continue;
        }
      }
      return response;
    }
  }

  /** Sends and reads the JSON answer; an error status throws {@link SwitchboardApiError}. 204 gives `undefined`. */
  async json<T>(call: Call): Promise<{ data: T; headers: Headers }> {
    const response = await this.send(call);
    if (!response.ok) throw await readApiError(response, call.method, call.path);
    const text = await response.text();
    if (text === '') return { data: undefined as T, headers: response.headers };
    try {
      return { data: JSON.parse(text) as T, headers: response.headers };
    } catch (cause) {
      throw new SwitchboardApiError(
        {
          status: response.status,
          code: SDK_ERROR_CODES.unexpectedResponse,
          message: `${call.method} ${call.path} answered ${response.status} with a body that is not JSON`,
          details: { contentType: response.headers.get('content-type') },
          requestId: response.headers.get('x-request-id') ?? response.headers.get('request-id'),
        },
        { cause },
      );
    }
  }

  #init(call: Call): RequestInit {
    const headers = new Headers(call.headers);
    headers.delete('authorization');
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    const token = this.#token(call.credential);
    if (token !== null) headers.set('authorization', `Bearer ${token}`);
    const encoded = encodeBody(call.body);
    if (encoded?.contentType && !headers.has('content-type'))
      headers.set('content-type', encoded.contentType);
    return encoded === null
      ? { method: call.method, headers }
      : { method: call.method, headers, body: encoded.body };
  }

  #token(credential: Credential): string | null {
    if (credential === 'none') return null;
    if (credential === 'adminToken') {
      if (!this.#options.adminToken) {
        throw new SwitchboardUsageError(
          SDK_ERROR_CODES.adminTokenMissing,
          'admin calls need the operator token: new Switchboard({ adminToken })',
        );
      }
      return this.#options.adminToken;
    }
    if (!this.#options.apiKey) {
      throw new SwitchboardUsageError(
        SDK_ERROR_CODES.apiKeyMissing,
        'this call needs an API key: new Switchboard({ apiKey })',
      );
    }
    return this.#options.apiKey;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
