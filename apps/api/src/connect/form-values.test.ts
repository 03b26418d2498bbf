import type { ConnectionField } from '@switchboard/schema';
import { describe, expect, it } from 'vitest';
import { parseForm } from './form-body.js';
import { readConnection, retypedValues } from './form-values.js';

const fields: Record<string, ConnectionField> = {
  subdomain: { type: 'string', label: 'Subdomain', prefix: 'https://', suffix: '.onelogin.com' },
  client_id: { type: 'string', label: 'Client ID' },
  client_secret: { type: 'string', label: 'Client secret', secret: true },
};

describe('readConnection', () => {
  it('keeps declared fields only, trimmed, and drops empty ones', () => {
    const body = parseForm('subdomain=+acme+&client_id=&client_secret=+s3cret+&extra=1&csrf_token=x');
    expect(readConnection(fields, body)).toEqual({ subdomain: 'acme', client_secret: 's3cret' });
  });

  it('reduces a pasted address to the part the field asks for', () => {
    const body = parseForm(`subdomain=${encodeURIComponent('HTTPS://acme.OneLogin.com/')}`);
    expect(readConnection(fields, body)).toEqual({ subdomain: 'acme' });
  });

  it('never touches secrets beyond trimming', () => {
    const body = parseForm(`client_secret=${encodeURIComponent('https://x.onelogin.com')}`);
    expect(readConnection(fields, body)).toEqual({ client_secret: 'https://x.onelogin.com' });
  });

  it('puts back everything but secrets', () => {
    expect(retypedValues(fields, { subdomain: 'acme', client_id: 'id', client_secret: 's' })).toEqual({
      subdomain: 'acme',
      client_id: 'id',
    });
  });
});

describe('parseForm', () => {
  it('takes the first value of a repeated field and treats __proto__ as a plain name', () => {
    const form = parseForm('a=1&a=2&__proto__=x&constructor=y');
    expect(form['a']).toBe('1');
    expect(Object.hasOwn(form, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(form)).toBeNull();
  });
});
