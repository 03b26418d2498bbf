import { describe, expect, it } from 'vitest';
import { checkPassthroughPath } from './passthrough-path.js';

describe('checkPassthroughPath', () => {
  it('accepts paths under the base URL, with one leading slash', () => {
    expect(checkPassthroughPath('api/2/users')).toBe('/api/2/users');
    expect(checkPassthroughPath('/api/2/users/%E2%9C%93')).toBe('/api/2/users/%E2%9C%93');
    expect(checkPassthroughPath('files/a%20b.txt')).toBe('/files/a%20b.txt');
  });

  it.each([
    ['', 'empty'],
    ['http://evil.test/', 'absolute'],
    ['javascript:alert(1)', 'absolute'],
    ['//evil.test', 'absolute'],
    ['a/../b', 'dot'],
    ['a/%2E%2E/b', 'dot'],
    ['a/%252e%252e/b', 'dot'],
    ['a/./b', 'dot'],
    ['a%2fb', 'encoded'],
    ['a%5Cb', 'encoded'],
    ['a\\b', 'backslash'],
    ['me@evil.test', '@'],
    ['a%40b', 'encoded'],
    ['a\nb', 'CR and LF'],
    ['a%0D%0Ab', 'encoded'],
    ['a%00', 'encoded'],
    ['a?b=1', 'query'],
    ['a#frag', 'query'],
    ['a%E0%A4%A', 'malformed'],
  ])('refuses %j', (path, reason) => {
    expect(() => checkPassthroughPath(path)).toThrow(
      expect.objectContaining({
        code: 'SB_ERR_HTTP_FORBIDDEN_URL',
        message: expect.stringContaining(reason),
      }),
    );
  });
});
