import { describe, expect, it } from 'vitest';
import { readBearer } from './bearer.js';
import { readClientCredentials } from './client-credentials.js';

const none = { kind: 'none' } as const;
const expected = { clientId: 'id', clientSecret: 's3cr3t' };

describe('readClientCredentials', () => {
  it.each([
    'client_id:id, client_secret:s3cr3t',
    'client_id:id,client_secret:s3cr3t',
    'CLIENT_ID: id , CLIENT_SECRET: s3cr3t',
    `Basic ${Buffer.from('id:s3cr3t').toString('base64')}`,
  ])('reads %s', (header) => {
    expect(readClientCredentials(header, none)).toEqual(expected);
  });

  it('reads a form body when there is no header', () => {
    expect(
      readClientCredentials(undefined, { kind: 'form', value: { client_id: 'id', client_secret: 's3cr3t' } }),
    ).toEqual(expected);
  });

  it.each(['Bearer x', 'client_id:id', `Basic ${Buffer.from('nocolon').toString('base64')}`])(
    'refuses %s',
    (header) => {
      expect(readClientCredentials(header, none)).toBeUndefined();
    },
  );
});

describe('readBearer', () => {
  it.each(['bearer:t0k', 'bearer t0k', 'Bearer t0k', 'BEARER: t0k'])('reads %s', (header) => {
    expect(readBearer(header)).toBe('t0k');
  });

  it.each([undefined, 'Basic abc', 'bearer', 'token t0k'])('refuses %s', (header) => {
    expect(readBearer(header)).toBeUndefined();
  });
});
