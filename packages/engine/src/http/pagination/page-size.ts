/**
 * @module The upstream page size (`page_size`), sent on every request a strategy builds. `page_size.value` is the
 * declared size and also its maximum: a list asks for the caller's `limit` when that is smaller (and carries that
 * size in its cursor, so every later page of the listing has the same size and cursors keep pointing into the
 * same pages).
 */
import type { PaginationScheme } from '@switchboard/schema';
import type { UpstreamRequest } from '../upstream.js';
import { withRequestValue } from './request-value.js';

/** The size a listing asks for: `requested` bounded by the declared `page_size.value`; undefined without one. */
export function effectivePageSize(scheme: PaginationScheme, requested?: number): number | undefined {
  if (!scheme.page_size) return undefined;
  const declared = scheme.page_size.value;
  return requested === undefined ? declared : Math.max(1, Math.min(requested, declared));
}

export function withPageSize(
  request: UpstreamRequest,
  scheme: PaginationScheme,
  size?: number,
): UpstreamRequest {
  const value = effectivePageSize(scheme, size);
  return scheme.page_size && value !== undefined
    ? withRequestValue(request, scheme.page_size, value)
    : request;
}
