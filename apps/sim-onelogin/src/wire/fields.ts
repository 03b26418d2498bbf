/** @module `fields=a,b` on list and get calls: only those keys (unknown names ignored), and `id` always. */

export function project(
  record: Record<string, unknown>,
  fields: string | undefined,
): Record<string, unknown> {
  if (fields === undefined || fields.trim() === '') return record;
  const wanted = new Set(fields.split(',').map((field) => field.trim()));
  wanted.add('id');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (wanted.has(key)) out[key] = value;
  return out;
}
