/**
 * @module The value rules the OneLogin mappings share, written out in TypeScript: empty strings and nulls are
 * absent, ids become strings. `text` formats numbers as JSONata's `$string` does, so both sides agree on ids.
 */

export type UpstreamRecord = Readonly<Record<string, unknown>>;
export type UnifiedRecord = Record<string, unknown>;

/** `null` and `""` read as absent. */
export function present(value: unknown): unknown {
  return value === null || value === '' ? undefined : value;
}

/** A scalar as text, the way JSONata's `$string` renders it (15 significant digits for non-integers). */
export function text(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  }
  return JSON.stringify(value);
}

/** An id as a string, absent when null or empty. */
export function idText(value: unknown): string | undefined {
  return text(present(value));
}

/** JSONata truthiness for the scalars these mappings test (non-empty string, non-zero number, true). */
export function truthy(value: unknown): boolean {
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return value !== 0;
  if (Array.isArray(value)) return value.some(truthy);
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return value === true;
}

/** Sets `key` only when `value` is defined: the unified shape omits what it does not know. */
export function put(target: UnifiedRecord, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}
