/**
 * @module `type: link` — follow the next URL from an RFC 8288 `Link` header or the body. The URL is resolved
 * against the page it came from and never followed to another origin: an upstream (or anything between it and
 * us) must not be able to send our credentials elsewhere.
 */
import { ForeignNextLink } from '../../errors.js';
import { findLink, parseLinkHeader } from './link-header.js';
import { withPageSize } from './page-size.js';
import { asToken, responseValueReader } from './response-value.js';
import type { StrategyContext, StrategyFactory } from './strategy.js';

export const linkStrategy: StrategyFactory<'link'> = (scheme, context) => {
  const next = scheme.next.type === 'header' ? undefined : responseValueReader(scheme.next, 'next', context);
  return {
    defaultStops: [],
    request(first, state, pageSize) {
      if (state === null) return withPageSize(first, scheme, pageSize);
      // The next URL carries the whole query (page size included): the first request's query is not repeated.
      const { query: _query, ...rest } = first;
      return { ...rest, path: String(state) };
    },
    async next(page) {
      const raw =
        scheme.next.type === 'header'
          ? findLink(parseLinkHeader(page.response.headers['link'] ?? ''), scheme.next.rel ?? 'next')
          : await next?.(page.response);
      const target = asToken(raw);
      if (target === null) return { stop: 'empty_cursor' };
      return { state: sameOriginUrl(target, page.response, context) };
    },
  };
};

function sameOriginUrl(
  target: string,
  response: { url: string; linkOrigins?: readonly string[] },
  context: StrategyContext,
): string {
  let url: URL;
  let origin: string;
  try {
    origin = new URL(response.url).origin;
    url = new URL(target, response.url);
  } catch (error) {
    throw new ForeignNextLink(context.label, {
      cause: error,
      details: { label: context.label, reason: 'unparseable next link' },
    });
  }
  // Under an operator redirect, a link may name the declared origin the answering one stands for; the session
  // rewrites it on send.
  const allowed = response.linkOrigins ?? [origin];
  if ((url.origin !== origin && !allowed.includes(url.origin)) || origin === 'null') {
    throw new ForeignNextLink(context.label, {
      details: { label: context.label, origin: url.origin, expected_origin: origin },
    });
  }
  // Some upstreams echo every query parameter into their next links, credentials included; the http layer
  // adds them again on send, and cursors (which carry this URL) must never hold them.
  for (const name of context.credentialParams ?? []) url.searchParams.delete(name);
  return url.toString();
}
