/**
 * @module Writes responses in either dialect. Bodies are sent as Buffers because Fastify appends
 * `; charset=utf-8` to JSON strings, and real v2 responses say exactly `application/json`.
 */
import type { FastifyReply } from 'fastify';
import type { Flavor } from './flavor.js';
import { type V1Message, v1Error } from './v1-envelope.js';
import { v2Error } from './v2-errors.js';

const CONTENT_TYPES: Readonly<Record<Flavor, string>> = {
  v1: 'application/json; charset=utf-8',
  v2: 'application/json',
};

export function sendJson(
  reply: FastifyReply,
  flavor: Flavor,
  statusCode: number,
  body: unknown,
): FastifyReply {
  return reply
    .code(statusCode)
    .header('content-type', CONTENT_TYPES[flavor])
    .send(Buffer.from(JSON.stringify(body)));
}

export function sendNoContent(reply: FastifyReply): FastifyReply {
  return reply.code(204).send();
}

/** An error body in the request's dialect; v2 bodies take the plain-text form of a v1 field message. */
export function sendError(
  reply: FastifyReply,
  flavor: Flavor,
  statusCode: number,
  message: V1Message,
): FastifyReply {
  if (flavor === 'v1') return sendJson(reply, 'v1', statusCode, v1Error(statusCode, message));
  const text = typeof message === 'string' ? message : message.description;
  return sendJson(reply, 'v2', statusCode, v2Error(statusCode, text));
}
