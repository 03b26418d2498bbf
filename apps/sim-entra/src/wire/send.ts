/** @module Writing Graph bodies: a collection page with its annotations, or one entity with its context. */
import type { FastifyReply } from 'fastify';
import type { CollectionPage } from '../odata/collection.js';
import { SERVICE_ROOT } from '../odata/collection.js';

export function sendPage<T>(
  reply: FastifyReply,
  page: CollectionPage<T>,
  view: (record: T) => Record<string, unknown>,
): FastifyReply {
  return reply.send({ ...page.annotations, value: page.items.map(view) });
}

/** One entity with `@odata.context` `…/$metadata#<contextPath>/$entity`. */
export function sendEntity(
  reply: FastifyReply,
  contextPath: string,
  body: Record<string, unknown>,
  status = 200,
): FastifyReply {
  return reply
    .code(status)
    .send({ '@odata.context': `${SERVICE_ROOT}/$metadata#${contextPath}/$entity`, ...body });
}
