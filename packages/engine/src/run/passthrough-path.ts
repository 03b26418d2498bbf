/**
 * @module The passthrough path check: only paths that stay under the integration's base URL. Refused, never
 * normalised: absolute and protocol-relative URLs, `..` (also percent-encoded, also double-encoded), encoded
 * slashes and backslashes, `@` (userinfo tricks), CR/LF and other control characters, backslashes, `?` and `#`
 * (the query travels separately).
 */
import { ForbiddenUrl } from '../errors.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Percent-encoded `/`, `\`, `@`, `?`, `#` and control characters, checked in every decoding round.
const ENCODED_FORBIDDEN = /%(2f|5c|40|3f|23|0[0-9a-f]|1[0-9a-f]|7f)/i;
const RAW_FORBIDDEN = /[\\@?#]/;

/** Returns the path with one leading `/`; throws `ForbiddenUrl` naming the reason (never the path). */
export function checkPassthroughPath(path: string): string {
  if (typeof path !== 'string' || path.trim() === '') throw new ForbiddenUrl('empty path');
  const trimmed = path.replace(/^\/+/, (slashes) => (slashes.length > 1 ? slashes : ''));
  if (trimmed.startsWith('//') || SCHEME.test(trimmed))
    throw new ForbiddenUrl('absolute URLs are not allowed');
  let current = trimmed;
  // Decode until stable (bounded): `%252e%252e` must be refused like `..`.
  for (let round = 0; round < 4; round++) {
    if (RAW_FORBIDDEN.test(current) || hasControlCharacter(current))
      throw new ForbiddenUrl(reasonFor(current));
    if (ENCODED_FORBIDDEN.test(current))
      throw new ForbiddenUrl('encoded slashes, `@` or control characters are not allowed');
    if (current.split('/').some((segment) => segment === '..' || segment === '.')) {
      throw new ForbiddenUrl('dot segments are not allowed');
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch (error) {
      throw new ForbiddenUrl('malformed percent-encoding', { cause: error });
    }
    if (decoded === current) break;
    if (round === 3) throw new ForbiddenUrl('too many levels of percent-encoding');
    current = decoded;
  }
  return `/${trimmed}`;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function reasonFor(path: string): string {
  if (/[\r\n]/.test(path)) return 'CR and LF are not allowed';
  if (path.includes('\\')) return 'backslashes are not allowed';
  if (path.includes('@')) return '`@` is not allowed';
  if (/[?#]/.test(path)) return 'the query or fragment must not be part of the path';
  return 'control characters are not allowed';
}
