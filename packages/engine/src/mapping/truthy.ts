/**
 * @module JSONata's notion of truth (`$boolean`), used for `when:`, `filter:` and stop expressions so a
 * predicate means the same thing whether JSONata or the engine tests it.
 */

/** False for undefined, null, false, 0, '', functions, empty objects and arrays whose members are all false. */
export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.some(isTruthy);
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'number':
      return value !== 0 && !Number.isNaN(value);
    case 'string':
      return value.length > 0;
    case 'object':
      for (const _ in value) return true;
      return false;
    default:
      return false;
  }
}
