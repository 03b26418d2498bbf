/**
 * Behind a reverse proxy (issue 16, items 2 and 13): the connect pages' rate limit keys on the client address the
 * trusted proxy reports, and the link-token `url` never echoes an arbitrary `Host` header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings } from '../src/settings.js';
import { type Stack, startStack, type Tenant } from './stack.js';

let stack: Stack;
let owner: Tenant;
beforeAll(async () => {
  stack = await startStack({ env: { SWITCHBOARD_TRUST_PROXY: '1', SWITCHBOARD_API_RATE_LIMIT: '2/1m' } });
  owner = await stack.tenant();
}, 60_000);
afterAll(async () => {
  await stack.close();
});

const openConnect = (client: string) =>
  stack.inject({ method: 'GET', url: '/connect/lt_unknown', headers: { 'x-forwarded-for': client } });

describe('SWITCHBOARD_TRUST_PROXY', () => {
  it('keys the connect rate limit on the client the proxy reports, not on the proxy', async () => {
    expect((await openConnect('203.0.113.1')).statusCode).toBe(404);
    expect((await openConnect('203.0.113.1')).statusCode).toBe(404);
    expect((await openConnect('203.0.113.1')).statusCode).toBe(429);
    expect((await openConnect('203.0.113.2')).statusCode).toBe(404);
  });

  it('accepts true, false, a hop count or addresses, and refuses anything else', () => {
    expect(parseSettings({}).trustProxy).toBe(false);
    expect(parseSettings({ SWITCHBOARD_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(parseSettings({ SWITCHBOARD_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(parseSettings({ SWITCHBOARD_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(() => parseSettings({ SWITCHBOARD_TRUST_PROXY: 'yes please' })).toThrow(/SWITCHBOARD_TRUST_PROXY/);
  });
});

describe('the link-token url', () => {
  it('refuses a Host header that is not a host name when SWITCHBOARD_PUBLIC_URL is unset', async () => {
    const response = await stack.inject({
      method: 'POST',
      url: '/link-tokens',
      headers: { ...owner.headers, host: 'evil.test/"><script>' },
      payload: { integration: 'onelogin', tenant_id: 't' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('SWITCHBOARD_PUBLIC_URL');
  });

  it('is required in production', () => {
    expect(() => parseSettings({ NODE_ENV: 'production' })).toThrow(/SWITCHBOARD_PUBLIC_URL/);
    expect(
      parseSettings({ NODE_ENV: 'production', SWITCHBOARD_PUBLIC_URL: 'https://sb.example.com' }).publicUrl,
    ).toBe('https://sb.example.com');
  });
});
