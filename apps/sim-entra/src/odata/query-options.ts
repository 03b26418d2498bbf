/**
 * @module The OData system query options of one request. Graph v1.0 accepts them with or without the `$`
 * prefix (`$top=5` or `top=5`); the `$` form wins when both are sent.
 */
import { type QueryMap, queryOf } from '@switchboard/sim-kit';
import type { FastifyRequest } from 'fastify';

export interface QueryOptions {
  readonly raw: QueryMap;
  option(
    name: 'top' | 'skip' | 'skiptoken' | 'filter' | 'select' | 'count' | 'search' | 'orderby' | 'expand',
  ): string | undefined;
  /** `ConsistencyLevel: eventual` was sent. */
  readonly eventual: boolean;
}

export function queryOptions(request: FastifyRequest): QueryOptions {
  const raw = queryOf(request);
  const header = request.headers['consistencylevel'];
  return {
    raw,
    option: (name) => raw.get(`$${name}`) ?? raw.get(name),
    eventual: typeof header === 'string' && header.trim().toLowerCase() === 'eventual',
  };
}
