/**
 * @module What changed between two versions of a unified record: the top-level fields whose values differ.
 * `updated_at` and `remote_data` never count (a change to them alone is no event), and key order never matters.
 */

const IGNORED = new Set(['updated_at', 'remote_data']);

/** The record as stored and compared: without `remote_data`. */
export function comparable(record: Record<string, unknown>): Record<string, unknown> {
  const { remote_data: _remote, ...rest } = record;
  return rest;
}

export function changedFields(previous: Record<string, unknown>, next: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(previous), ...Object.keys(next)]);
  return [...fields]
    .filter((field) => !IGNORED.has(field) && !sameValue(previous[field], next[field]))
    .sort();
}

function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with object keys sorted; `undefined` and `null` read the same (an absent field). */
function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
