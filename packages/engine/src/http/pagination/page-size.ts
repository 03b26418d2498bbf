/**
 * @module The fixed upstream page size (`page_size.value`), sent on every request a strategy builds. The
 * unified `limit` never changes it: cursors point into pages, so pages must be the same on every read.
 */
import type { PaginationScheme } from '@switchboard/schema';
import type { UpstreamRequest } from '../upstream.js';
import { withRequestValue } from './request-value.js';

export function withPageSize(request: UpstreamRequest, scheme: PaginationScheme): UpstreamRequest {
  return scheme.page_size ? withRequestValue(request, scheme.page_size, scheme.page_size.value) : request;
}
