import { describe, expect, it } from 'vitest';
import { openerOrigin, redirectOrigin, redirectTarget } from './safe-url.js';

describe('openerOrigin', () => {
  it('accepts exactly an http(s) origin', () => {
    expect(openerOrigin('https://app.example.com')).toBe('https://app.example.com');
    expect(openerOrigin('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
  });

  it('refuses anything else', () => {
    for (const value of [
      undefined,
      '',
      'null',
      '*',
      'javascript:alert(1)',
      'https://app.example.com/',
      'https://app.example.com/path',
      'https://user@app.example.com',
      'data:text/html,x',
      'ftp://example.com',
      ['https://a.example'],
    ]) {
      expect(openerOrigin(value), String(value)).toBeUndefined();
    }
  });
});

describe('redirectTarget', () => {
  it('appends the account id, keeping the existing query', () => {
    expect(redirectTarget('https://app.example.com/done?step=2', 'ia_1')).toBe(
      'https://app.example.com/done?step=2&integrated_account_id=ia_1',
    );
    expect(redirectOrigin('https://app.example.com/done?step=2')).toBe('https://app.example.com');
  });

  it('ignores missing, non-http(s) or credential-carrying URLs', () => {
    expect(redirectTarget(null, 'ia_1')).toBeUndefined();
    expect(redirectTarget('javascript:alert(1)', 'ia_1')).toBeUndefined();
    expect(redirectTarget('https://u:p@app.example.com/', 'ia_1')).toBeUndefined();
    expect(redirectOrigin('not a url')).toBeUndefined();
  });
});
