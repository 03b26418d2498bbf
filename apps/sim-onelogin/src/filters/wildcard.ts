/**
 * @module OneLogin attribute search: `*` matches any run of characters (`email=*@example.org`), otherwise the
 * value must match whole. Matching ignores case, as OneLogin's search does for names and addresses.
 */

export type TextMatcher = (value: string | null | undefined) => boolean;

export function wildcardMatcher(pattern: string): TextMatcher {
  const wanted = pattern.toLowerCase();
  if (!wanted.includes('*')) return (value) => value?.toLowerCase() === wanted;
  const source = wanted
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`, 's');
  return (value) => value !== null && value !== undefined && regex.test(value.toLowerCase());
}
