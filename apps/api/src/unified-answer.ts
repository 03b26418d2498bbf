/**
 * @module The body of a unified answer in each `response_format`:
 * - `unified` (default): the list envelope, or the bare record;
 * - `raw`: the upstream bodies as received, `{ raw: [...] }` (lists keep their cursor fields so paging works);
 * - `debug`: the unified answer plus `debug.trace`, every upstream exchange with secrets masked.
 * `raw` and `debug` are serialized as plain JSON; `unified` goes through the model's schema, each list record's
 * `remote_data` written as the upstream's own bytes when they are known (`list-bytes.ts`). The `ratelimit-*`
 * headers are set by the route's `withAccount` (`upstream-rate-limit.ts`), errors included.
 */
import type { ListResult, RecordResult, ResponseFormat } from '@switchboard/engine';
import type { FastifyReply } from 'fastify';
import { unifiedListBytes } from './list-bytes.js';
import { plainJson } from './plain-json.js';

export function listAnswer(reply: FastifyReply, result: ListResult, format: ResponseFormat): unknown {
  const paging = { next_cursor: result.next_cursor, prev_cursor: null, result_count: result.result_count };
  if (format === 'unified') {
    const envelope = { result: result.result, ...paging };
    const serialize = reply.getSerializationFunction('200');
    const bytes = serialize ? unifiedListBytes(envelope, serialize) : undefined;
    return bytes ? plainJson(reply).send(bytes) : envelope;
  }
  plainJson(reply);
  if (format === 'raw') return { raw: result.raw ?? [], ...paging };
  return { result: result.result, ...paging, debug: { trace: result.trace ?? [] } };
}

export function recordAnswer(reply: FastifyReply, result: RecordResult, format: ResponseFormat): unknown {
  if (format === 'unified') return result.record;
  plainJson(reply);
  if (format === 'raw') return { raw: result.raw ?? [] };
  return { result: result.record, debug: { trace: result.trace ?? [] } };
}
