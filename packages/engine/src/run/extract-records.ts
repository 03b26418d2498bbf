/**
 * @module Where records are in an upstream body: `records:` for lists, `record:` for single reads (default
 * `$`, the body itself). The target carries both expressions, located at load.
 */

import { rememberRecordSources } from '../http/transport/raw-json.js';
import type { UpstreamResponse } from '../http/upstream.js';
import type { CallTarget } from './call-target.js';

export async function extractRecords(target: CallTarget, response: UpstreamResponse): Promise<unknown[]> {
  const value =
    target.records === undefined
      ? response.body
      : await target.records.evaluate(response.body, { headers: response.headers });
  if (value === null || value === undefined || value === '') return [];
  // JSONata answers a one-record path with the record itself rather than an array of one.
  const records = Array.isArray(value) ? value : [value];
  // Records that are exactly an array of the body get their bytes, for answers that write them back as they came.
  rememberRecordSources(response.body, records);
  return records;
}

export async function extractRecord(target: CallTarget, response: UpstreamResponse): Promise<unknown> {
  if (target.record === undefined) return response.body;
  return target.record.evaluate(response.body, { headers: response.headers });
}
