/**
 * @module `$search` matching on directory objects: a clause `"property:words"` matches when the property's
 * value, or any word of it, starts with the words (case-insensitive) — Graph's tokenized prefix search.
 */

export function matchesSearch(value: unknown, words: string): boolean {
  if (typeof value !== 'string' || words === '') return false;
  const text = value.toLowerCase();
  if (text.startsWith(words)) return true;
  return text.split(/[\s._@\-'’]+/).some((token) => token.startsWith(words));
}
