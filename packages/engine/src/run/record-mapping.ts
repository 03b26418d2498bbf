/**
 * @module The operation's record mapper and the per-page bindings it evaluates with.
 */

import type { UpstreamResponse } from '../http/upstream.js';
import { createRecordMapper, type MappingBindings, type RecordMapper } from '../mapping/record-mapper.js';
import type { OperationContext } from './operation-context.js';
import { siteAt, siteOf } from './operation-sites.js';
import type { ResolvedOperation } from './resolve-operation.js';

/** The mapping bindings plus what only some operations bind: `$id` (get), `$enriched`, `$current`. */
export type RunBindings = MappingBindings & { id?: string; enriched?: unknown; current?: unknown };

export function operationMapper(operation: ResolvedOperation, remoteData: boolean | undefined): RecordMapper {
  const site = siteOf(operation, 'response');
  return createRecordMapper({
    site: site ?? siteAt(operation, operation.pointer, 'response'),
    identity: site === undefined,
    remoteData: remoteData ?? true,
  });
}

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
