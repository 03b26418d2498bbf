/**
 * @module Where records are in an upstream body: `records:` for lists, `record:` for single reads (default
 * `$`, the body itself).
 */
import type { UpstreamResponse } from '../http/upstream.js';
import { evaluateAt } from '../mapping/evaluate-at.js';
import type { CallTarget } from './call-target.js';
import { child } from './json-pointer.js';
import type { OperationContext } from './operation-context.js';

export async function extractRecords(
  context: OperationContext,
  target: CallTarget,
  response: UpstreamResponse,
): Promise<unknown[]> {
  const value =
    target.definition.records === undefined || target.definition.records.trim() === '$'
      ? response.body
      : await evaluateAt(
          {
            integration: context.integration,
            pointer: child(target.pointer, 'records'),
            what: `${target.label} records`,
          },
          response.body,
          { headers: response.headers },
        );
  if (value === null || value === undefined || value === '') return [];
  // JSONata answers a one-record path with the record itself rather than an array of one.
  return Array.isArray(value) ? value : [value];
}

export async function extractRecord(
  context: OperationContext,
  target: CallTarget,
  response: UpstreamResponse,
): Promise<unknown> {
  if (target.definition.record === undefined) return response.body;
  return evaluateAt(
    {
      integration: context.integration,
      pointer: child(target.pointer, 'record'),
      what: `${target.label} record`,
    },
    response.body,
    { headers: response.headers },
  );
}
