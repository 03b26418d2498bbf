/**
 * @module How issue messages quote values from the file: short, on one line, control characters escaped.
 */

const MAX_SHOWN = 40;

/** A value as it appears inside backticks in a message, e.g. `magic`. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value).slice(1, -1) : String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** What kind of YAML value something is, in words: "a string", "a list", "an empty value". */
export function describeKind(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean' || typeof value === 'number') return `\`${value}\``;
  return typeof value;
}

/** `a`, `b` and `c` */
export function listValues(values: readonly unknown[]): string {
  return values.map((v) => `\`${showValue(v)}\``).join(', ');
}
