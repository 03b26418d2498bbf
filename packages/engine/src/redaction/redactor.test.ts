import { describe, expect, it } from 'vitest';
import { basicCredentials, REDACTED, Redactor } from './redactor.js';

describe('Redactor', () => {
  it('masks known secret values and their encoded forms in text', () => {
    const redactor = new Redactor({ secrets: ['s3cr3t/value+1', 'tiny'] });
    const text = 'a s3cr3t/value+1 b s3cr3t%2Fvalue%2B1 c "tiny"';
    expect(redactor.text(text)).toBe(`a ${REDACTED} b ${REDACTED} c "${REDACTED}"`);
  });

  it('masks a token learnt later, longest secret first', () => {
    const redactor = new Redactor({ secrets: ['abcd'] });
    redactor.addSecret('abcdefgh');
    expect(redactor.text('x abcdefgh y abcd')).toBe(`x ${REDACTED} y ${REDACTED}`);
  });

  it('leaves values shorter than four characters alone', () => {
    const redactor = new Redactor({ secrets: ['abc'] });
    expect(redactor.text('abc')).toBe('abc');
  });

  it('masks credential headers by name, others by value', () => {
    const redactor = new Redactor({ names: ['X-Custom-Auth'], secrets: ['hunter22'] });
    expect(
      redactor.headers({
        authorization: 'Bearer x',
        cookie: 'a=b',
        'x-custom-auth': 'k',
        'x-client-secret': 'k',
        'x-note': 'pass hunter22',
        accept: 'application/json',
      }),
    ).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      'x-custom-auth': REDACTED,
      'x-client-secret': REDACTED,
      'x-note': `pass ${REDACTED}`,
      accept: 'application/json',
    });
  });

  it('masks query parameters by name and user info in URLs', () => {
    const redactor = new Redactor({ secrets: ['zzzzzz'] });
    expect(redactor.url('https://u:p@api.test/x?hapikey=1&limit=5&api_key=2&access_token=3&q=zzzzzz#f')).toBe(
      `https://${REDACTED}@api.test/x?hapikey=${REDACTED}&limit=5&api_key=${REDACTED}&access_token=${REDACTED}&q=${REDACTED}#f`,
    );
  });

  it('masks body keys by name and strings by value, deeply', () => {
    const redactor = new Redactor({ secrets: ['topsecret'] });
    expect(
      redactor.value({
        client_secret: 'anything',
        nested: [{ password: 1, note: 'has topsecret inside', id: 7 }],
        refresh_token: null,
      }),
    ).toEqual({
      client_secret: REDACTED,
      nested: [{ password: REDACTED, note: `has ${REDACTED} inside`, id: 7 }],
      refresh_token: null,
    });
  });

  it('registers the base64 form of Basic credentials', () => {
    const redactor = new Redactor();
    const header = basicCredentials('id', 'secret', redactor);
    expect(header).toBe(`Basic ${Buffer.from('id:secret').toString('base64')}`);
    expect(redactor.text(header)).toBe(`Basic ${REDACTED}`);
  });
});
