/**
 * @module Which raw paths the passthrough API may forward. Checked on the URL exactly as received (before any
 * decoding) and again on every decoding of it, so double-encoded tricks are caught too. Anything that could leave
 * the integration's base URL — an absolute or protocol-relative URL, a dot segment, an encoded slash or
 * backslash, userinfo (`@`), CR/LF or other control characters — is refused with `SB_ERR_HTTP_FORBIDDEN_URL`
 * before the engine (which checks again) is called.
 */
import { ForbiddenUrl } from '@switchboard/engine';

const PREFIX = '/passthrough';
// Enough for any legitimate path; each round undoes one layer of percent-encoding.
const MAX_DECODE_ROUNDS = 4;

/**
 * The path (still percent-encoded as received) to request under the base URL, starting with `/`.
 *
 * @example
 * passthroughPath('/passthrough/api/2/users?limit=5'); // '/api/2/users'
 * passthroughPath('/passthrough/..%2f..%2fetc'); // throws ForbiddenUrl
 */
export function passthroughPath(rawUrl: string): string {
  const withoutQuery = rawUrl.split('?', 1)[0] ?? '';
  if (!withoutQuery.startsWith(`${PREFIX}/`)) throw new ForbiddenUrl('not a passthrough path');
  const path = withoutQuery.slice(PREFIX.length);
  refuseRaw(path);
  let decoded = path;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    const next = decode(decoded);
    refuseRaw(next);
    if (next === decoded) break;
    decoded = next;
  }
  return path;
}

function refuseRaw(path: string): void {
  if (/%2f|%5c/i.test(path)) throw new ForbiddenUrl('encoded slashes are not allowed');
  refuseDecoded(path);
}

function refuseDecoded(path: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(path))
    throw new ForbiddenUrl('control characters (CR/LF) are not allowed');
  if (path.includes('\\')) throw new ForbiddenUrl('backslashes are not allowed');
  if (path.includes('@')) throw new ForbiddenUrl('"@" is not allowed');
  if (path.startsWith('//') || /^\/*[a-z][a-z0-9+.-]*:/i.test(path) || path.includes('://')) {
    throw new ForbiddenUrl('absolute URLs are not allowed');
  }
  if (path.includes('//')) throw new ForbiddenUrl('empty path segments are not allowed');
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new ForbiddenUrl('dot segments are not allowed');
  }
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch (cause) {
    throw new ForbiddenUrl('malformed percent-encoding', { cause });
  }
}
