/**
 * @module The one type guard every stage needs: the document is `unknown` until the schema says otherwise, and
 * the semantic checks also run on documents the schema rejected.
 */

/** A YAML map as JS: an object that is not an array (and not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
