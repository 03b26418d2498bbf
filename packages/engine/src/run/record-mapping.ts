/**
 * @module The bindings a record mapping evaluates with, built once per page (the mappers are the plan's).
 */

import type { UpstreamResponse } from '../http/upstream.js';
import type { MappingBindings } from '../mapping/record-mapper.js';
import type { OperationContext } from './operation-context.js';

/** The mapping bindings plus what only some operations bind: `$id` (get), `$enriched`, `$current`. */
export type RunBindings = MappingBindings & { id?: string; enriched?: unknown; current?: unknown };

export function pageBindings(
  context: OperationContext,
  response: UpstreamResponse,
  query: Record<string, unknown>,
  parent?: unknown,
  request?: unknown,
): MappingBindings {
  return {
    record: undefined,
    body: response.body,
    headers: response.headers,
    query,
    parent,
    request,
    connection: context.connection,
    now: context.now,
  };
}
