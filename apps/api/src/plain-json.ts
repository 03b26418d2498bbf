/**
 * @module Answers whose shape no schema describes (upstream bodies, `raw`/`debug` formats, errors) are serialized
 * with plain `JSON.stringify`, still labelled as JSON.
 */
import type { FastifyReply } from 'fastify';

export function plainJson(reply: FastifyReply): FastifyReply {
  return reply.type('application/json; charset=utf-8').serializer(JSON.stringify);
}
