/**
 * @module The headers every connect page carries. The CSP allows only this origin's own stylesheet and script
 * (no inline code, no third party), forbids framing (clickjacking), and limits where the form may post: this
 * origin, plus the origin of the link token's `redirect_url` (browsers apply `form-action` to the redirect
 * that follows a post).
 */

export interface PageHeaderOptions {
  /** The origin the successful post redirects to, if any (already validated, see `safe-url.ts`). */
  redirectOrigin?: string | undefined;
}

export function contentSecurityPolicy(options: PageHeaderOptions = {}): string {
  const formAction = ["'self'", ...(options.redirectOrigin === undefined ? [] : [options.redirectOrigin])];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    // The empty favicon only: keeps browsers from asking for /favicon.ico.
    'img-src data:',
    `form-action ${formAction.join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    // The page's script only sets text, never markup: any HTML sink would be a bug, so refuse them all.
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/** Headers for an HTML page of the connect flow. Never cached: it holds a CSRF token and typed values. */
export function pageHeaders(options: PageHeaderOptions = {}): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(options),
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'x-robots-tag': 'noindex, nofollow',
  };
}
