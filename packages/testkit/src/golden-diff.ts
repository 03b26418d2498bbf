/**
 * @module A readable difference between expected and actual unified output: which record (by id) and which
 * field changed, with both values.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Expected } from './fixture.js';

type UnifiedRecord = Record<string, unknown>;

function fieldDiffs(expected: unknown, actual: unknown, path: string, out: string[]): void {
  if (isDeepStrictEqual(expected, actual)) return;
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(expected) && isObject(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      fieldDiffs(expected[key], actual[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  out.push(
    `field ${path || '(record)'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
  );
}

function recordId(record: UnifiedRecord | undefined, index: number): string {
  return typeof record?.['id'] === 'string' ? `id ${record['id']}` : `#${index}`;
}

/** Lines describing every difference, or `[]` when equal. `remote_data` is compared like any other field. */
export function goldenDiff(expected: Expected, actual: Expected): string[] {
  const out: string[] = [];
  if ('error' in expected || 'error' in actual) {
    const describe = (outcome: Expected) =>
      'error' in outcome
        ? `error ${outcome.error.code}${outcome.error.status ? ` (upstream ${outcome.error.status})` : ''}`
        : 'records' in outcome
          ? `${outcome.records.length} record(s)`
          : `record ${recordId(outcome.record, 0)}`;
    const same =
      'error' in expected &&
      'error' in actual &&
      expected.error.code === actual.error.code &&
      expected.error.status === actual.error.status;
    if (!same) {
      const message = 'error' in actual && actual.error.message ? `: ${actual.error.message}` : '';
      out.push(`expected ${describe(expected)}, got ${describe(actual)}${message}`);
    }
    return out;
  }
  if ('record' in expected && 'record' in actual) {
    const lines: string[] = [];
    fieldDiffs(expected.record, actual.record, '', lines);
    return lines.map((line) => `record ${recordId(expected.record, 0)}: ${line}`);
  }
  if ('records' in expected && 'records' in actual) {
    const byId = new Map(actual.records.map((r, i) => [typeof r['id'] === 'string' ? r['id'] : `#${i}`, r]));
    expected.records.forEach((record, i) => {
      const key = typeof record['id'] === 'string' ? record['id'] : `#${i}`;
      const other = byId.get(key);
      if (!other) {
        out.push(`record ${recordId(record, i)}: missing from the output`);
        return;
      }
      byId.delete(key);
      const lines: string[] = [];
      fieldDiffs(record, other, '', lines);
      for (const line of lines) out.push(`record ${recordId(record, i)}: ${line}`);
    });
    for (const [key] of byId) out.push(`record ${key}: not expected in the output`);
    if (
      out.length === 0 &&
      !isDeepStrictEqual(
        expected.records.map((r) => r['id']),
        actual.records.map((r) => r['id']),
      )
    ) {
      out.push('records are in a different order');
    }
    return out;
  }
  return [`expected ${Object.keys(expected)[0]}, got ${Object.keys(actual)[0]}`];
}
