import { describe, expect, it } from 'vitest';
import { compileYaml } from '../../../test/support/compile-yaml.js';
import { UpstreamOrigins, type UpstreamOverrideSetting } from './upstream-origins.js';

const integration = compileYaml(`
name: graphish
connection: { tenant: { type: string, label: Tenant } }
base_url: https://graph.example.test/v1.0
auth:
  type: oauth2_client_credentials
  token_request: { path: "https://login.example.test/{{ connection.tenant }}/token", client_auth: { type: body } }
  verify: { method: GET, path: /users }
`);
const connection = { tenant: 'contoso' };
const origins = (setting?: UpstreamOverrideSetting) => new UpstreamOrigins(integration, connection, setting);

describe('UpstreamOrigins', () => {
  it('declares the base URL and the absolute auth URLs, rendered for the account', () => {
    expect([...origins().declared]).toEqual(['https://graph.example.test', 'https://login.example.test']);
    expect(origins().base.toString()).toBe('https://graph.example.test/v1.0');
    expect(origins().authUrl('https://login.example.test/contoso/token').url.toString()).toBe(
      'https://login.example.test/contoso/token',
    );
  });

  it('moves every declared origin to the override, keeping paths (and prepending its own)', () => {
    const redirected = origins('http://127.0.0.1:9001/sim/');
    expect(redirected.base.toString()).toBe('http://127.0.0.1:9001/sim/v1.0');
    const { url, declared } = redirected.authUrl('https://login.example.test/contoso/token');
    expect(url.toString()).toBe('http://127.0.0.1:9001/sim/contoso/token');
    expect(declared.toString()).toBe('https://login.example.test/contoso/token');
    expect(redirected.inbound('https://graph.example.test/v1.0/users?$skiptoken=X')).toBe(
      'http://127.0.0.1:9001/sim/v1.0/users?$skiptoken=X',
    );
  });

  it('with only an auth override, moves absolute auth URLs and nothing else', () => {
    const redirected = origins({ auth: 'http://127.0.0.1:9002' });
    expect(redirected.base.toString()).toBe('https://graph.example.test/v1.0');
    expect(redirected.authUrl('https://login.example.test/contoso/token').url.toString()).toBe(
      'http://127.0.0.1:9002/contoso/token',
    );
    // A relative auth path is under base_url: the data host, not the auth host.
    expect(redirected.authUrl('/users').url.toString()).toBe('https://graph.example.test/v1.0/users');
  });

  it('leaves URLs on undeclared origins alone, for the usual origin checks to refuse', () => {
    expect(origins('http://127.0.0.1:9001').inbound('https://evil.test/v1.0/users')).toBe(
      'https://evil.test/v1.0/users',
    );
  });

  it('refuses an override that is not an http(s) URL', () => {
    expect(() => origins('ftp://sim')).toThrow(/http or https/);
  });
});
