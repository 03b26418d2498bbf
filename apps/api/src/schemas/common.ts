/**
 * @module JSON Schemas shared by the routes: the error shape, the list envelope, ids in paths and the account
 * query parameter. Registered as OpenAPI components by `components.ts`.
 */

/** The contract's error shape (`ErrorResponse` component). */
export const ErrorResponse = {
  $id: 'ErrorResponse',
  type: 'object',
  required: ['statusCode', 'code', 'error', 'message', 'details'],
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string', description: 'Stable error code, e.g. `SB_ERR_NOT_FOUND`.' },
    error: { type: 'string', description: 'The HTTP reason phrase.' },
    message: { type: 'string', description: 'Human-readable; never holds a secret.' },
    details: { type: 'object', additionalProperties: true },
    remote: {
      type: 'object',
      description: 'Upstream failures only: what the upstream answered.',
      properties: { status: { type: 'integer' }, body: {} },
    },
    is_remote_error: { type: 'boolean' },
  },
} as const;

export { errors, UPSTREAM_CALL_ERRORS, VERIFY_ERRORS } from './route-errors.js';

/** `{ result, next_cursor, prev_cursor: null, result_count }` around `items`. */
export function listEnvelope(items: Record<string, unknown>, description: string): Record<string, unknown> {
  return {
    description,
    type: 'object',
    required: ['result', 'next_cursor', 'prev_cursor', 'result_count'],
    properties: {
      result: { type: 'array', items },
      next_cursor: {
        type: ['string', 'null'],
        description: 'Pass as `next_cursor` for the next page; null on the last page.',
      },
      prev_cursor: { type: 'null' },
      result_count: { type: 'integer', minimum: 0 },
    },
  };
}

/** An opaque id in a path. */
export const IdParam = { type: 'string', minLength: 1, maxLength: 256 } as const;

export const accountIdQuery = {
  type: 'string',
  minLength: 1,
  maxLength: 256,
  description: 'The integrated account to act for.',
} as const;

export const limitQuery = {
  type: 'integer',
  minimum: 1,
  maximum: 10_000,
  description: 'Page size, 1 to the integration’s maximum.',
} as const;

export const cursorQuery = {
  type: 'string',
  minLength: 1,
  maxLength: 8192,
  description: 'The `next_cursor` of the previous page, exactly as returned.',
} as const;

/** Extra query parameters (filters, remote_query[...]): strings, a bounded number of them. */
export const extraQueryParameters = {
  additionalProperties: { type: 'string', maxLength: 2048 },
  propertyNames: { maxLength: 128 },
  maxProperties: 64,
} as const;
