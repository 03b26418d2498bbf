/**
 * @module Where records are in an upstream body: `records:` for lists, `record:` for single reads (default
 * `$`, the body itself). The target carries both expressions, located at load.
 */
import type { UpstreamResponse } from '../http/upstream.js';
import type { CallTarget } from './call-target.js';

export async function extractRecords(target: CallTarget, response: UpstreamResponse): Promise<unknown[]> {
  const value =
    target.records === undefined
      ? response.body
      : await target.records.evaluate(response.body, { headers: response.headers });
  if (value === null || value === undefined || value === '') return [];
  // JSONata answers a one-record path with the record itself rather than an array of one.
  return Array.isArray(value) ? value : [value];
}

export async function extractRecord(target: CallTarget, response: UpstreamResponse): Promise<unknown> {
  if (target.record === undefined) return response.body;
  return target.record.evaluate(response.body, { headers: response.headers });
}
