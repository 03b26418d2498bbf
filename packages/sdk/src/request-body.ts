/**
 * @module Turning a caller's body into what `fetch` sends: plain values become JSON, bodies that are already
 * bytes or forms (passthrough uploads) go out untouched so the upstream sees exactly what the caller built.
 */

export interface EncodedBody {
  body: NonNullable<RequestInit['body']>;
  /** Set only for JSON; for raw bodies fetch (or the caller's own header) decides. */
  contentType: string | null;
}

export function encodeBody(body: unknown): EncodedBody | null {
  if (body === undefined) return null;
  if (
    typeof body === 'string' ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof Blob ||
    body instanceof URLSearchParams ||
    body instanceof FormData
  ) {
    // Typed-array views are valid bodies at run time; the fetch typings only spell out some of them.
    return { body: body as NonNullable<RequestInit['body']>, contentType: null };
  }
  return { body: JSON.stringify(body), contentType: 'application/json' };
}
