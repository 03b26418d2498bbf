/**
 * @module CSRF protection for the connect form: a signed double-submit cookie. Each render sets a fresh random
 * nonce in a `SameSite=Strict`, `HttpOnly` cookie scoped to the page's own path, and puts
 * HMAC(link token, nonce) in a hidden field. A post is accepted only when the field matches the cookie's nonce.
 *
 * Keying the HMAC with the link token binds the form to that token and needs no server-wide secret, so any
 * replica can check a form another one rendered. Someone who could forge the field already holds the link
 * token, which is all the authority the form confers anyway.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'sb_connect_csrf';
export const CSRF_FIELD = 'csrf_token';
const PURPOSE = 'switchboard-connect-csrf\u0000';
/** As long as a link token can live (30 minutes by default); the form is useless after that anyway. */
const COOKIE_MAX_AGE_SECONDS = 3600;

export interface CsrfPair {
  /** The cookie value. */
  nonce: string;
  /** The hidden form field value. */
  field: string;
}

export function issueCsrf(linkToken: string): CsrfPair {
  const nonce = randomBytes(32).toString('base64url');
  return { nonce, field: sign(linkToken, nonce) };
}

/** True when `field` is the signature of the cookie's nonce for this link token (constant-time). */
export function checkCsrf(linkToken: string, nonce: string | undefined, field: string | undefined): boolean {
  if (nonce === undefined || field === undefined || nonce.length === 0 || field.length === 0) return false;
  const expected = Buffer.from(sign(linkToken, nonce));
  const given = Buffer.from(field);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The `Set-Cookie` value for a nonce, scoped to the page that rendered the form. */
export function csrfCookie(nonce: string, options: { path: string; secure: boolean }): string {
  const attributes = [
    `${CSRF_COOKIE}=${nonce}`,
    `Path=${options.path}`,
    `Max-Age=${COOKIE_MAX_AGE_SECONDS}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}

/** Reads one cookie from a `Cookie` header (the first of that name, as browsers send the most specific first). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

function sign(linkToken: string, nonce: string): string {
  return createHmac('sha256', linkToken).update(PURPOSE).update(nonce).digest('base64url');
}
