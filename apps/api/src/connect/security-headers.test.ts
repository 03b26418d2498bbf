import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, pageHeaders } from './security-headers.js';

describe('page headers', () => {
  it('allow only same-origin script and style, no framing, no base, no inline code', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https:/);
  });

  it('let the form post redirect to the redirect_url origin only', () => {
    expect(contentSecurityPolicy({ redirectOrigin: 'https://app.example.com' })).toContain(
      "form-action 'self' https://app.example.com;",
    );
  });

  it('forbid caching, framing and referrers', () => {
    expect(pageHeaders()).toMatchObject({
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });
});
