/** @module Query strings as a flat map: the first value wins when a parameter repeats. */
import type { FastifyRequest } from 'fastify';

export type QueryMap = ReadonlyMap<string, string>;

export function queryOf(request: FastifyRequest): QueryMap {
  const query = request.url.indexOf('?');
  const map = new Map<string, string>();
  if (query === -1) return map;
  for (const [key, value] of new URLSearchParams(request.url.slice(query + 1))) {
    if (!map.has(key)) map.set(key, value);
  }
  return map;
}

/** The origin a client used to reach us (any host is accepted), for building pagination links. */
export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** `path?query` with some parameters replaced or removed (`undefined`), keeping the rest in order. */
export function linkTo(
  origin: string,
  path: string,
  query: QueryMap,
  replace: Readonly<Record<string, string | undefined>>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of query) if (!(key in replace)) params.append(key, value);
  for (const [key, value] of Object.entries(replace)) if (value !== undefined) params.append(key, value);
  const search = params.toString();
  return search === '' ? `${origin}${path}` : `${origin}${path}?${search}`;
}
