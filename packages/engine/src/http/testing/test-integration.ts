/**
 * @module Test support: integrations for the network tests, written as objects and loaded through the real
 * loader (YAML text → validated, compiled `CompiledIntegration`), plus the OneLogin-style base they vary.
 */
import { stringify } from 'yaml';
import type { CompiledIntegration } from '../../config/compiled-integration.js';
import { loadIntegrationSourceSync } from '../../config/load-integration.js';

export const ORIGIN = 'https://acme.upstream.test';

export const CLIENT_ID = 'client-id-1234';
export const CLIENT_SECRET = 'client-secret-5678-xyz';

/** Connection values of the test account. */
export const CONNECTION = { subdomain: 'acme', client_id: CLIENT_ID, client_secret: CLIENT_SECRET };

/** A OneLogin-like integration: client credentials through the custom `Authorization: client_id:…` header. */
export function baseDefinition(): Record<string, unknown> {
  return {
    schema_version: 1,
    name: 'acme',
    label: 'Acme',
    connection: {
      subdomain: { type: 'string', label: 'Subdomain' },
      client_id: { type: 'string', label: 'Client ID' },
      client_secret: { type: 'string', label: 'Client secret', secret: true },
    },
    base_url: 'https://{{ connection.subdomain }}.upstream.test',
    auth: {
      type: 'oauth2_client_credentials',
      token_request: {
        path: '/auth/oauth2/v2/token',
        client_auth: {
          type: 'header',
          name: 'Authorization',
          value: 'client_id:{{ connection.client_id }}, client_secret:{{ connection.client_secret }}',
        },
        body_format: 'json',
      },
      refresh_skew: '60s',
    },
    retry: {
      max_attempts: 4,
      on_status: ['429', '5XX'],
      on_network_error: true,
      backoff: { initial: '1s', max: '8s', jitter: 'none' },
      max_wait: '60s',
    },
    resources: { users: { list: { method: 'GET', path: '/api/2/users' } } },
  };
}

/** Loads `definition` (default: the base) through the real loader, with shallow overrides of top-level keys. */
export function testIntegration(overrides: Record<string, unknown> = {}): CompiledIntegration {
  const definition: Record<string, unknown> = { ...baseDefinition(), ...overrides };
  for (const [key, value] of Object.entries(definition)) if (value === undefined) delete definition[key];
  return loadIntegrationSourceSync(stringify(definition), 'test.yaml');
}

export const account = (id = 'acct-1', connection: Record<string, string> = CONNECTION) => ({
  id,
  connection,
});
