/** @module Reading a JSON object body; anything else is Okta's 400 E0000003. */
import { bodyOf, isPlainObject } from '@switchboard/sim-kit';
import type { FastifyRequest } from 'fastify';

/** The body object, `{}` when there is none, or `undefined` when it is not a JSON object. */
export function jsonObjectBody(request: FastifyRequest): Record<string, unknown> | undefined {
  const body = bodyOf(request);
  if (body.kind === 'none') return {};
  if (body.kind === 'json' && isPlainObject(body.value)) return body.value;
  return undefined;
}
