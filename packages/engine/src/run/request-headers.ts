/**
 * @module `headers:` of an operation, alternative or merge source: request headers computed by JSONata (Graph's
 * `ConsistencyLevel: eventual` only when `$search`/`$count` is sent). The result is an object of header → text;
 * null and absent values are left out, so a condition without an else sends nothing.
 */
import { mappingFailure } from '../mapping/mapping-failure.js';
import type { QueryParams } from '../mapping/query-params.js';
import type { OperationContext } from './operation-context.js';
import type { OperationPlan } from './operation-plan.js';

// RFC 9110 token; values may not carry CR, LF or NUL (header injection).
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BAD_VALUE = /[\r\n\0]/;

export interface HeaderInput {
  /** The unified filters (`{}` on get and writes). */
  filters: Record<string, string>;
  /** The upstream query parameters the call sends (`$params`). */
  params: QueryParams;
  id?: string | undefined;
  body?: unknown;
  current?: unknown;
}

/** The operation's computed headers; `{}` when it declares none. */
export async function operationHeaders(
  context: OperationContext,
  operation: OperationPlan,
  input: HeaderInput,
): Promise<Record<string, string>> {
  const site = operation.expressions.headers;
  if (!site) return {};
  const value = await site.evaluate(input.filters, {
    query: input.filters,
    params: input.params,
    id: input.id,
    body: input.body,
    current: input.current,
    connection: context.connection,
    now: context.now,
  });
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw mappingFailure(site, new Error('a headers mapping must produce an object of header names to text'));
  }
  const headers: Record<string, string> = {};
  for (const [name, item] of Object.entries(value)) {
    if (item === null || item === undefined) continue;
    if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') {
      throw mappingFailure(site, new Error(`header "${name}" must be a string, number or boolean`));
    }
    const text = String(item);
    if (!HEADER_NAME.test(name) || BAD_VALUE.test(text)) {
      throw mappingFailure(site, new Error(`header "${name}" is not a valid header name or value`));
    }
    headers[name] = text;
  }
  return headers;
}
