import { describe, expect, it } from 'vitest';
import { appendQuery, resolveDeclared, resolveUnderBase } from './resolve-url.js';

const base = new URL('https://acme.onelogin.test/api');

describe('resolveUnderBase', () => {
  it('joins relative paths under the base path and keeps their query', () => {
    expect(resolveUnderBase(base, '/2/users?limit=5').href).toBe(
      'https://acme.onelogin.test/api/2/users?limit=5',
    );
    expect(resolveUnderBase(base, '2/users').href).toBe('https://acme.onelogin.test/api/2/users');
  });

  it('accepts absolute URLs on the same origin under the base path', () => {
    expect(resolveUnderBase(base, 'https://acme.onelogin.test/api/1/users?after_cursor=x').search).toBe(
      '?after_cursor=x',
    );
  });

  it.each([
    ['another origin', 'https://evil.test/api/users'],
    ['a sibling path', 'https://acme.onelogin.test/admin'],
    ['a protocol-relative URL', '//evil.test/x'],
    ['dot segments', '/users/../../admin'],
    ['encoded dot segments', '/users/%2e%2e/admin'],
    ['encoded slashes around dots', '/users/..%2f..%2fadmin'],
    ['backslashes', '/users\\..\\admin'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s', (_name, path) => {
    expect(() => resolveUnderBase(base, path)).toThrow(
      expect.objectContaining({ code: 'SB_ERR_HTTP_FORBIDDEN_URL' }),
    );
  });
});

describe('resolveDeclared', () => {
  it('lets the integration point its token endpoint at another host', () => {
    expect(resolveDeclared(base, 'https://login.test/oauth/token').href).toBe(
      'https://login.test/oauth/token',
    );
    expect(() => resolveDeclared(base, 'ftp://login.test/')).toThrow(
      expect.objectContaining({ code: 'SB_ERR_HTTP_FORBIDDEN_URL' }),
    );
  });
});

describe('appendQuery', () => {
  it('repeats array parameters', () => {
    const url = new URL('https://a.test/x?a=1');
    appendQuery(url, { b: ['2', '3'], c: 'x y' });
    expect(url.search).toBe('?a=1&b=2&b=3&c=x+y');
  });
});
