import { describe, expect, it } from 'vitest';
import { passthroughPath } from './passthrough-path.js';

describe('passthroughPath', () => {
  it.each([
    ['/passthrough/api/2/users', '/api/2/users'],
    ['/passthrough/api/2/users?limit=5&x=%2F', '/api/2/users'],
    ['/passthrough/api/1/users/123/roles', '/api/1/users/123/roles'],
    ['/passthrough/search/a%20b', '/search/a%20b'],
    ['/passthrough/', '/'],
  ])('forwards %s as %s', (url, path) => {
    expect(passthroughPath(url)).toBe(path);
  });

  it.each([
    ['absolute URL', '/passthrough/https://evil.example/x'],
    ['scheme only', '/passthrough/http:evil.example'],
    ['protocol-relative', '/passthrough//evil.example/x'],
    ['dot-dot', '/passthrough/api/../../admin'],
    ['single dot', '/passthrough/api/./users'],
    ['encoded dot-dot', '/passthrough/api/%2e%2e/admin'],
    ['double-encoded dot-dot', '/passthrough/api/%252e%252e/admin'],
    ['encoded slash', '/passthrough/api%2f2%2fusers'],
    ['encoded slash, upper case', '/passthrough/api%2F2'],
    ['double-encoded slash', '/passthrough/api%252f2'],
    ['encoded backslash', '/passthrough/api%5c..%5cadmin'],
    ['backslash', '/passthrough/api\\admin'],
    ['userinfo', '/passthrough/user@evil.example/x'],
    ['encoded at', '/passthrough/user%40evil.example'],
    ['CRLF', '/passthrough/api%0d%0aHost:%20evil'],
    ['raw LF', '/passthrough/api\nx'],
    ['NUL', '/passthrough/api%00'],
    ['malformed encoding', '/passthrough/api%zz'],
    ['empty segment', '/passthrough/api//users'],
    ['not under the prefix', '/passthroughx/api'],
  ])('refuses %s', (_name, url) => {
    expect(() => passthroughPath(url)).toThrow(
      expect.objectContaining({ code: 'SB_ERR_HTTP_FORBIDDEN_URL' }),
    );
  });
});
