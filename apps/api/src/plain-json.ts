/**
 * @module Answers whose shape no schema describes (upstream bodies, `raw`/`debug` formats, errors) are serialized
 * with plain `JSON.stringify`, still labelled as JSON.
 */
import type { FastifyReply } from 'fastify';

export function plainJson(reply: FastifyReply): FastifyReply {
  return reply.type('application/json; charset=utf-8').serializer(JSON.stringify);
}

/**
 * Sends `value` as UTF-8 JSON bytes. For large answers made of upstream data (proxy pages): `JSON.stringify`
 * beats a schema serializer that stringifies item by item, and with bytes Fastify does not measure the string
 * again for `content-length` before writing it.
 */
export function sendPlainJson(reply: FastifyReply, value: object): FastifyReply {
  return plainJson(reply).send(Buffer.from(JSON.stringify(value)));
}
