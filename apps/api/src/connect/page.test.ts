import type { ConnectionField } from '@switchboard/schema';
import { describe, expect, it } from 'vitest';
import { type FieldView, renderFormPage } from './page.js';

const assets = { css: 'assets/connect.css?v=1', js: 'assets/connect-page.js?v=1' };
const subdomain: ConnectionField = {
  type: 'string',
  label: 'Subdomain',
  help: 'The part before .onelogin.com.',
  placeholder: 'acme',
  example: 'acme',
  pattern: '^[a-z]+$',
  prefix: 'https://',
  suffix: '.onelogin.com',
};
const secret: ConnectionField = { type: 'string', label: 'Client secret', secret: true };
const optional: ConnectionField = { type: 'email', label: 'Contact', required: false };

function render(fields: FieldView[], extra: Partial<Parameters<typeof renderFormPage>[0]> = {}): string {
  return renderFormPage({
    integrationLabel: 'OneLogin',
    tenantId: 'customer-42',
    fields,
    csrfToken: 'csrf-value',
    action: 'lt_abc',
    assets,
    ...extra,
  });
}

describe('the connect form', () => {
  it('renders each declared field with its label, help, prefix and suffix, tied together for assistive tech', () => {
    const page = render([{ name: 'subdomain', field: subdomain, value: '' }]);
    expect(page).toContain('<label for="field-subdomain">Subdomain</label>');
    expect(page).toContain('<p class="help" id="field-subdomain-help">The part before .onelogin.com.</p>');
    expect(page).toContain('<span class="affix prefix" id="field-subdomain-prefix">https://</span>');
    expect(page).toContain('<span class="affix suffix" id="field-subdomain-suffix">.onelogin.com</span>');
    expect(page).toContain(
      'aria-describedby="field-subdomain-prefix field-subdomain-suffix field-subdomain-help field-subdomain-error"',
    );
    expect(page).toMatch(/<input id="field-subdomain" name="subdomain" type="text"/);
    expect(page).toContain('required aria-required="true"');
    expect(page).toContain('placeholder="acme"');
    expect(page).toContain('data-pattern="^[a-z]+$"');
  });

  it('renders secrets as password inputs with a show/hide toggle, and optional fields as such', () => {
    const page = render([
      { name: 'client_secret', field: secret, value: '' },
      { name: 'contact', field: optional, value: '' },
    ]);
    expect(page).toMatch(/name="client_secret" type="password"/);
    expect(page).toContain('data-reveal="field-client_secret"');
    expect(page).toMatch(/name="contact" type="email"/);
    expect(page).toContain('Contact <span class="optional">(optional)</span>');
  });

  it('carries the CSRF token and the opener origin as hidden fields, and posts to the link token', () => {
    const page = render([], { origin: 'https://app.example.com' });
    expect(page).toContain('<form method="post" action="lt_abc"');
    expect(page).toContain('<input type="hidden" name="csrf_token" value="csrf-value">');
    expect(page).toContain('<input type="hidden" name="origin" value="https://app.example.com">');
  });

  it('shows problems next to their fields and in a summary that links to them', () => {
    const page = render([
      { name: 'subdomain', field: subdomain, value: 'bad!', error: 'Subdomain must match the pattern.' },
    ]);
    expect(page).toContain('aria-invalid="true"');
    expect(page).toContain('value="bad!"');
    expect(page).toContain(
      '<p class="field-error" id="field-subdomain-error" data-error-for="field-subdomain">',
    );
    expect(page).toContain('role="alert"');
    expect(page).toContain('<a href="#field-subdomain">Subdomain must match the pattern.</a>');
  });

  it('shows an upstream refusal above the form', () => {
    const page = render([], {
      formError: { title: 'OneLogin did not accept these credentials', detail: 'bad' },
    });
    expect(page).toContain('<h2>OneLogin did not accept these credentials</h2>');
    expect(page).toContain('<p class="alert-detail">bad</p>');
  });

  it('escapes tenant ids, typed values and declared texts', () => {
    const evil = '<script>alert(1)</script>';
    const page = render(
      [
        {
          name: 'subdomain',
          field: { ...subdomain, label: evil, help: evil },
          value: `"><img src=x onerror=alert(1)>`,
        },
      ],
      { tenantId: evil, integrationLabel: evil },
    );
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });

  it('contains no inline script or style', () => {
    const page = render([{ name: 'subdomain', field: subdomain, value: '' }]);
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(page).not.toMatch(/\sstyle=|<style/);
    expect(page).not.toMatch(/\son[a-z]+=/);
  });
});
