import { describe, expect, it } from 'vitest';
import { CSRF_COOKIE, checkCsrf, csrfCookie, issueCsrf, readCookie } from './csrf.js';

const token = 'lt_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

describe('CSRF tokens', () => {
  it('accepts the field issued with the cookie nonce, for the same link token', () => {
    const { nonce, field } = issueCsrf(token);
    expect(checkCsrf(token, nonce, field)).toBe(true);
  });

  it('refuses a missing or empty cookie or field, another nonce, or another link token', () => {
    const { nonce, field } = issueCsrf(token);
    const other = issueCsrf(token);
    expect(checkCsrf(token, undefined, field)).toBe(false);
    expect(checkCsrf(token, nonce, undefined)).toBe(false);
    expect(checkCsrf(token, '', field)).toBe(false);
    expect(checkCsrf(token, other.nonce, field)).toBe(false);
    expect(checkCsrf(`${token}x`, nonce, field)).toBe(false);
    expect(checkCsrf(token, nonce, `${field}x`)).toBe(false);
  });

  it('issues a fresh pair on every render', () => {
    expect(issueCsrf(token).nonce).not.toBe(issueCsrf(token).nonce);
  });

  it('sets an HttpOnly, SameSite=Strict cookie scoped to the page, Secure when asked', () => {
    const cookie = csrfCookie('n', { path: `/connect/${token}`, secure: false });
    expect(cookie).toBe(`${CSRF_COOKIE}=n; Path=/connect/${token}; Max-Age=3600; HttpOnly; SameSite=Strict`);
    expect(csrfCookie('n', { path: '/', secure: true })).toMatch(/; Secure$/);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie(`a=1; ${CSRF_COOKIE}=abc; b=2`, CSRF_COOKIE)).toBe('abc');
    expect(readCookie('a=1', CSRF_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, CSRF_COOKIE)).toBeUndefined();
  });
});
