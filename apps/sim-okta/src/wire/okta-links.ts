/**
 * @module Okta's Link headers (reference §3): absolute URLs on the Host the client used, `rel="self"` and,
 * when more remain, `rel="next"`, each on its own `link:` header line. `limit` is always echoed and the
 * cursor travels in `after`.
 */
import {
  type Link,
  linkTo,
  linkValues,
  originOf,
  pathOf,
  type QueryMap,
  queryOf,
} from '@switchboard/sim-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function setPageLinks(
  request: FastifyRequest,
  reply: FastifyReply,
  limit: number,
  nextAfter: string | undefined,
  query: QueryMap = queryOf(request),
): void {
  const origin = originOf(request);
  const path = pathOf(request);
  const links: Link[] = [{ rel: 'self', url: linkTo(origin, path, query, { limit: String(limit) }) }];
  if (nextAfter !== undefined) {
    links.push({ rel: 'next', url: linkTo(origin, path, query, { after: nextAfter, limit: String(limit) }) });
  }
  reply.header('link', linkValues(links));
}
