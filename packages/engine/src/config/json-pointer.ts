/**
 * @module RFC 6901 JSON pointers: the address every config issue and every compiled expression is filed under.
 */

/** Joins path segments into a pointer, e.g. `['unified', 'user-directory']` → `/unified/user-directory`. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Splits a pointer into its unescaped segments; `''` (the whole document) has none. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Appends one segment to a pointer. */
export function childPointer(pointer: string, segment: string | number): string {
  return pointer + toPointer([segment]);
}

/** The value at a pointer inside plain JS data, or `undefined` when the path does not exist. */
export function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const segment of fromPointer(pointer)) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
