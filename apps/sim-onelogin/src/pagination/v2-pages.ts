/**
 * @module v2 page pagination: `page` is 1-based, the cursor is base64(`limit=N&page=P`), and the metadata
 * travels in Total-Count / Total-Pages / Current-Page / Page-Items / After-Cursor / Before-Cursor / Link.
 */
import { linkTo, type PageSizeRule, type QueryMap, readLimit } from '@switchboard/sim-kit';

export interface PageRequest {
  readonly limit: number;
  readonly page: number;
}

export function encodeV2Cursor(limit: number, page: number): string {
  return Buffer.from(`limit=${limit}&page=${page}`).toString('base64');
}

/** A cursor, when given, overrides `limit` and `page`; `undefined` means the cursor is not ours. */
export function readPageRequest(query: QueryMap, rule: PageSizeRule): PageRequest | undefined {
  const cursor = query.get('cursor');
  if (cursor !== undefined && cursor !== '') {
    const params = new URLSearchParams(Buffer.from(cursor, 'base64').toString('utf8'));
    const limit = Number(params.get('limit'));
    const page = Number(params.get('page'));
    if (!Number.isInteger(limit) || !Number.isInteger(page) || limit < 1 || page < 1) return undefined;
    return { limit: Math.min(limit, rule.maxLimit), page };
  }
  const page = Number(query.get('page') ?? '1');
  return { limit: readLimit(query.get('limit'), rule), page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

export function pageBounds(request: PageRequest): { start: number; end: number } {
  const start = (request.page - 1) * request.limit;
  return { start, end: start + request.limit };
}

export interface LinkBase {
  readonly origin: string;
  readonly path: string;
  readonly query: QueryMap;
}

export function v2PageHeaders(
  total: number,
  request: PageRequest,
  pageItems: number,
  base: LinkBase,
): Record<string, string> {
  const { limit, page } = request;
  const totalPages = Math.ceil(total / limit);
  const headers: Record<string, string> = {
    'total-count': String(total),
    'total-pages': String(totalPages),
    'current-page': String(page),
    'page-items': String(pageItems),
  };
  const link = (p: number): string =>
    linkTo(base.origin, base.path, base.query, { cursor: undefined, limit: String(limit), page: String(p) });
  const links = [`<${link(1)}>; rel="first"`];
  if (page < totalPages) {
    headers['after-cursor'] = encodeV2Cursor(limit, page + 1);
    links.push(`<${link(page + 1)}>; rel="next"`);
  }
  if (page > 1) {
    headers['before-cursor'] = encodeV2Cursor(limit, page - 1);
    links.push(`<${link(page - 1)}>; rel="prev"`);
  }
  if (totalPages > 0) links.push(`<${link(totalPages)}>; rel="last"`);
  headers['link'] = links.join(', ');
  return headers;
}
