import { describe, expect, it } from 'vitest';
import { renderStopPage, renderSuccessPage } from './result-page.js';

const assets = { css: 'assets/connect.css?v=1', js: 'assets/connect-page.js?v=1' };

describe('result pages', () => {
  it('the success page hands the account id and the opener origin to the page script', () => {
    const page = renderSuccessPage({
      integrationLabel: 'OneLogin',
      accountId: 'ia_123',
      targetOrigin: 'https://app.example.com',
      assets,
    });
    expect(page).toContain('data-account-id="ia_123"');
    expect(page).toContain('data-target-origin="https://app.example.com"');
    expect(page).toContain('OneLogin is connected');
  });

  it.each([
    ['not-found', 404, 'This link does not exist'],
    ['gone', 410, 'This link has expired or was already used'],
    ['csrf', 403, 'This form has expired'],
    ['busy', 429, 'Too many attempts'],
    ['unavailable', 503, 'temporarily unavailable'],
    ['error', 500, 'Something went wrong'],
  ] as const)('%s: status %i with a plain explanation', (reason, status, text) => {
    const page = renderStopPage(reason, { assets });
    expect(page.status).toBe(status);
    expect(page.body).toContain(text);
    expect(page.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('can link back to the form and show a reference, escaped', () => {
    const page = renderStopPage('csrf', { assets, reload: 'lt_x?origin=a&b', reference: '<req-1>' });
    expect(page.body).toContain('href="lt_x?origin=a&amp;b"');
    expect(page.body).toContain('&lt;req-1&gt;');
  });
});
