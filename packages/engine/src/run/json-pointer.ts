/**
 * @module RFC 6901 pointers into the integration document, for expressions and error locations.
 */

export function pointer(...segments: (string | number)[]): string {
  return segments
    .map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

export function child(base: string, ...segments: (string | number)[]): string {
  return base + pointer(...segments);
}
