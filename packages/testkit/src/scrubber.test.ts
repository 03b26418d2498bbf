import { describe, expect, it } from 'vitest';
import type { Exchange } from './fixture.js';
import { Scrubber } from './scrubber.js';

const tokenExchange: Exchange = {
  request: {
    method: 'POST',
    path: '/auth/oauth2/v2/token',
    query: {},
    headers: {
      authorization: 'client_id:abc-client, client_secret:s3cr3t-value',
      'content-type': 'application/json',
    },
    body: { grant_type: 'client_credentials' },
  },
  response: {
    status: 200,
    headers: { 'content-type': 'application/json', 'set-cookie': 'sid=abcdef' },
    body: {
      access_token: 'tok-123456',
      refresh_token: 'ref-987654',
      token_type: 'bearer',
      expires_in: 36000,
    },
  },
};

describe('Scrubber', () => {
  it('removes secrets by name and by value, including tokens learnt from earlier exchanges', () => {
    const scrubber = new Scrubber({ client_secret: 's3cr3t-value' });
    const first = scrubber.exchange(tokenExchange);
    const second = scrubber.exchange({
      request: {
        method: 'GET',
        path: '/api/2/users',
        query: { echo: 'tok-123456' },
        headers: { authorization: 'Bearer tok-123456' },
      },
      response: { status: 200, headers: {}, body: [{ note: 'basic czNjcjN0LXZhbHVl and tok-123456' }] },
    });
    const text = JSON.stringify([first, second]);
    for (const secret of [
      's3cr3t-value',
      'tok-123456',
      'ref-987654',
      'sid=abcdef',
      Buffer.from('s3cr3t-value').toString('base64'),
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(first.response.body).toMatchObject({ token_type: 'bearer', expires_in: 36000 });
    expect(second.request.query).toEqual({ echo: '<scrubbed:access_token>' });
  });

  it('keeps data whose names merely mention a secret', () => {
    const scrubber = new Scrubber();
    const out = scrubber.exchange({
      request: { method: 'GET', path: '/u', query: {} },
      response: {
        status: 200,
        headers: {},
        body: { password_changed_at: '2021-01-01T00:00:00Z', token_type: 'bearer' },
      },
    });
    expect(out.response.body).toEqual({ password_changed_at: '2021-01-01T00:00:00Z', token_type: 'bearer' });
  });
});
