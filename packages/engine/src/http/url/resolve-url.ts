/**
 * @module Turns a request path into a URL that provably stays under the integration's base URL. Callers pass
 * paths built from user input (ids, passthrough paths, next links), so anything that could leave the base —
 * another origin, a protocol-relative URL, dot segments, backslashes — is refused, never normalised away.
 */
import { ForbiddenUrl } from '../../errors.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Whitespace, control characters (code points up to U+0020, and U+007F) and backslashes. */
function hasUnsafeChars(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

function hasDotSegment(path: string): boolean {
  // Without a dot or an escape no segment can be, or decode to, `.` or `..` (most paths: checked per call).
  if (!path.includes('.') && !path.includes('%')) return false;
  return path.split('/').some((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return true;
    }
    // `%2F` decodes to a slash some servers honour, so decoded pieces are checked again.
    return decoded.split(/[\\/]/).some((part) => part === '.' || part === '..');
  });
}

function basePath(base: URL): string {
  return base.pathname.endsWith('/') ? base.pathname.slice(0, -1) : base.pathname;
}

/** Appends query parameters (arrays become repeated parameters) to `url` in place. */
export function appendQuery(
  url: URL,
  query: Readonly<Record<string, string | readonly string[]>> | undefined,
) {
  if (!query) return;
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === 'string') url.searchParams.append(name, value);
    else for (const item of value) url.searchParams.append(name, item);
  }
}

/**
 * Resolves `path` (`/api/2/users`, `users?limit=5`, or an absolute URL on the base's origin and under its path)
 * against `base`. Throws `ForbiddenUrl` otherwise.
 */
export function resolveUnderBase(base: URL, path: string): URL {
  if (hasUnsafeChars(path))
    throw new ForbiddenUrl('the path contains spaces, control characters or backslashes');
  if (path.startsWith('//')) throw new ForbiddenUrl('protocol-relative URLs are not allowed');
  const rawPath = path.split(/[?#]/, 1)[0] ?? '';
  if (hasDotSegment(SCHEME.test(path) ? rawPath.replace(/^[^:]+:\/\/[^/]*/, '') : rawPath))
    throw new ForbiddenUrl('dot segments are not allowed in paths');

  const prefix = basePath(base);
  if (SCHEME.test(path)) {
    let absolute: URL;
    try {
      absolute = new URL(path);
    } catch (error) {
      throw new ForbiddenUrl('not a valid URL', { cause: error });
    }
    if (absolute.origin !== base.origin) throw new ForbiddenUrl('the URL points to another origin');
    if (absolute.username || absolute.password) throw new ForbiddenUrl('credentials in URLs are not allowed');
    if (prefix && absolute.pathname !== prefix && !absolute.pathname.startsWith(`${prefix}/`))
      throw new ForbiddenUrl('the URL leaves the base path');
    absolute.hash = '';
    return absolute;
  }
  const relative = path.startsWith('/') ? path : `/${path}`;
  const url = new URL(`${base.origin}${prefix}${relative}`);
  url.hash = '';
  return url;
}

/**
 * Resolves a URL declared by the integration author (token endpoint, verify, revoke): absolute http(s) URLs may
 * point anywhere; relative ones follow the same rules as request paths.
 */
export function resolveDeclared(base: URL, path: string): URL {
  if (!SCHEME.test(path)) return resolveUnderBase(base, path);
  let url: URL;
  try {
    url = new URL(path);
  } catch (error) {
    throw new ForbiddenUrl('not a valid URL', { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ForbiddenUrl('only http(s) URLs are allowed');
  return url;
}
