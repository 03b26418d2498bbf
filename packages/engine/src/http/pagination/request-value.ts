/**
 * @module Putting a paging value on a request: a query parameter, a header or a top-level JSON body field.
 */
import type { RequestLocation } from '@switchboard/schema';
import type { UpstreamRequest } from '../upstream.js';

/** Returns a copy of `request` carrying `value` at `in`/`name`; the input is never mutated. */
export function withRequestValue(
  request: UpstreamRequest,
  target: { in: RequestLocation; name: string },
  value: string | number,
): UpstreamRequest {
  switch (target.in) {
    case 'query':
      return { ...request, query: { ...request.query, [target.name]: String(value) } };
    case 'header':
      return { ...request, headers: { ...request.headers, [target.name]: String(value) } };
    case 'body': {
      const body =
        request.body !== null && typeof request.body === 'object' && !Array.isArray(request.body)
          ? request.body
          : {};
      // Numbers stay numbers in a JSON body: `{"page": 2}`, not `{"page": "2"}`.
      return { ...request, body: { ...body, [target.name]: value } };
    }
  }
}
