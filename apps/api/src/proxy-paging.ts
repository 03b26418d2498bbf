/**
 * @module `limit` and `next_cursor` of `GET /proxy/{resource}/{id}`. The route cannot know whether the resource's
 * get is paged (declares `pagination:`), so it takes both as plain text. Once the engine says it is, they are
 * checked here against the very schemas list routes use, and refused with the same `SB_ERR_VALIDATION`; otherwise
 * they are ordinary parameters, forwarded to the upstream like any other.
 */
import { validationFailure } from './error-response.js';
import { ValidationFailed } from './errors.js';
import { cursorQuery, limitQuery } from './schemas/common.js';
import { compileQueryValidator } from './validation.js';

let check: ReturnType<typeof compileQueryValidator> | undefined;

/** The paging of a paged get, validated (and `limit` coerced) as on lists; throws `ValidationFailed`. */
export function pagingOf(query: { limit?: unknown; next_cursor?: unknown }): {
  limit?: number;
  cursor?: string;
} {
  const values: { limit?: unknown; next_cursor?: unknown } = {};
  if (query.limit !== undefined) values.limit = query.limit;
  if (query.next_cursor !== undefined) values.next_cursor = query.next_cursor;
  check ??= compileQueryValidator({
    type: 'object',
    properties: { limit: limitQuery, next_cursor: cursorQuery },
  });
  if (!check(values)) {
    const { message, issues } = validationFailure('querystring', check.errors ?? []);
    throw new ValidationFailed(message, { details: { issues } });
  }
  return {
    ...(values.limit === undefined ? {} : { limit: values.limit as number }),
    ...(values.next_cursor === undefined ? {} : { cursor: values.next_cursor as string }),
  };
}
