/**
 * @module Building API paths from ids. Every interpolated value is one encoded segment, so an id holding `/`
 * or `?` cannot reach another endpoint.
 */
import { SDK_ERROR_CODES, SwitchboardUsageError } from './errors.js';

/** path`/integrated-accounts/${id}` → `/integrated-accounts/ia%2F1`. */
export function path(strings: TemplateStringsArray, ...segments: string[]): string {
  let out = strings[0] ?? '';
  segments.forEach((segment, index) => {
    out += encodeSegment(segment) + (strings[index + 1] ?? '');
  });
  return out;
}

export function encodeSegment(segment: string): string {
  // URL parsing removes `.` and `..` segments, which would silently call another endpoint; an empty segment
  // would turn `GET …/users/:id` into the list. (`%` is encoded, so `%2e` stays harmless.)
  if (segment === '' || segment === '.' || segment === '..') {
    throw new SwitchboardUsageError(
      SDK_ERROR_CODES.pathSegmentInvalid,
      `"${segment}" cannot be used as an id or resource name`,
      { segment },
    );
  }
  return encodeURIComponent(segment);
}
