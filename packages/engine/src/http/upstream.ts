/**
 * @module The contract between `run/` and `http/`: one request to an upstream on behalf of one account.
 * `http/` applies auth, the rate budget, retries, timeouts and redaction; `run/` never sees credentials.
 */
import type { HttpMethod } from '@switchboard/schema';
import type { TraceSink } from '../trace.js';

export interface UpstreamRequest {
  method: HttpMethod;
  /** A path under the integration's base URL (`/api/2/users`), or an absolute URL on the same origin. */
  path: string;
  /** Repeated parameters are arrays. */
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  /** A JSON value (object, array, …); sent as `application/json`. */
  body?: unknown;
  /** False for requests that must not be repeated after an ambiguous failure (POST by default). */
  idempotent?: boolean;
  /** A label for errors and traces, e.g. `users.list`. */
  label?: string;
}

export interface UpstreamResponse {
  status: number;
  /** Lower-case header names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Parsed JSON (integers beyond 2^53 kept as strings), the text when not JSON, or null when empty. */
  body: unknown;
  /** The final URL (secrets redacted). */
  url: string;
  durationMs: number;
  /**
   * Origins a link in this answer may point to: the one that answered and, under an operator redirect, the
   * declared origins it stands for (their links are rewritten on send).
   */
  linkOrigins?: readonly string[];
}

/** Rate-limit state reported by the upstream, passed on as `ratelimit-*` headers by the API. */
export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** Seconds until the window resets. */
  reset?: number;
}

export interface SendOptions {
  signal?: AbortSignal;
  trace?: TraceSink;
  /**
   * Where a 2xx body holds records that are only ever written out as the upstream's bytes (a proxy list): the root
   * array (null) or the array at a key of the root object. They are then not parsed, but kept as `RawRecord`s
   * (`transport/records-as-bytes.ts`); nothing may read their fields.
   */
  recordsAsBytes?: string | null;
}

/**
 * An upstream bound to one integrated account. Non-2xx answers that survive retries are thrown as
 * `UpstreamStatus` errors carrying `details.remote = { status, headers, body }`.
 */
export interface AccountSession {
  send(request: UpstreamRequest, options?: SendOptions): Promise<UpstreamResponse>;
  /** Like `send` but returns the status, headers and body stream as they came, for the passthrough API. */
  stream(
    request: UpstreamRequest & { rawBody?: Uint8Array | string },
    options?: SendOptions,
  ): Promise<StreamedResponse>;
  /** The latest rate-limit information the upstream reported for this account. */
  rateLimit(): RateLimitInfo | undefined;
  /** Masks every secret this session knows (connection secrets, tokens obtained so far). */
  redact(text: string): string;
  /** Masks `value` from now on like a credential (a generated password: `$secret`). */
  addSecret(value: string): void;
}

export interface StreamedResponse {
  status: number;
  headers: Record<string, string>;
  body: AsyncIterable<Uint8Array>;
}

/** The account as the engine sees it: its id (tokens and budgets are keyed by it) and all its connection values. */
export interface AccountContext {
  id: string;
  connection: Readonly<Record<string, string>>;
}
