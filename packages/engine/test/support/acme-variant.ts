/**
 * @module Test-only: small Acme integration files that differ in one block (auth, connection, rate limits,
 * a write body), loaded by the real loader and run by a real engine against the Acme upstream
 * (`acme-upstream.ts`). The suites of the format features (auth hosts, JWT, defaults, reasons, costs,
 * `$secret`) use them so that each file shows exactly the feature under test.
 */

import nock from 'nock';
import { afterEach, beforeEach } from 'vitest';
import type { CompiledIntegration } from '../../src/config/compiled-integration.js';
import { loadIntegrationSource } from '../../src/config/load-integration.js';
import type { Engine, EngineOptions } from '../../src/run/contract.js';
import { createEngine } from '../../src/run/create-engine.js';
import { CURSOR_SECRET, NOW } from './acme-engine.js';

export interface VariantParts {
  /** Extra `connection:` fields, indented by 2 (`  key_id: { … }`). */
  connection?: string;
  /** The whole `auth:` block's body, indented by 2. */
  auth?: string;
  /** Base URL template (default `https://{{ connection.tenant }}.acme-dir.test`). */
  baseUrl?: string;
  /** More top-level blocks (`rate_limit:` …). */
  extra?: string;
  /** The users `create` body expression. */
  createBody?: string;
}

export const DEFAULT_AUTH = `  type: oauth2_client_credentials
  token_request:
    path: /oauth/token
    client_auth: { type: basic }
  verify: { method: GET, path: /v1/me }`;

export function acmeVariant(parts: VariantParts = {}): string {
  return `schema_version: 1
name: acme
label: Acme Directory (variant)
connection:
  tenant: { type: string, label: Tenant, pattern: "[a-z0-9-]+" }
  client_id: { type: string, label: Client ID }
  client_secret: { type: string, label: Client secret, secret: true }
${parts.connection ?? ''}
base_url: ${parts.baseUrl ?? 'https://{{ connection.tenant }}.acme-dir.test'}
auth:
${parts.auth ?? DEFAULT_AUTH}
retry:
  max_attempts: 2
  on_status: ["503"]
  backoff: { initial: 1ms, max: 1ms, jitter: none }
  max_wait: 1s
${parts.extra ?? ''}
pagination:
  people_cursor:
    type: cursor
    cursor: { type: header, name: X-Next-Cursor }
    request: { in: query, name: cursor }
    page_size: { in: query, name: limit, value: 5 }
  audit_links:
    type: link
    next: { type: body, path: links.next }
resources:
  people:
    list: { method: GET, path: /v1/people, pagination: people_cursor }
    get: { method: GET, path: "/v1/people/{{ id }}", record: data }
    create: { method: POST, path: /v1/people, success_status: [201] }
  roles:
    list: { method: GET, path: /v1/roles, records: results }
  audit:
    list: { method: GET, path: /v1/audit, pagination: audit_links, records: entries }
unified:
  user-directory:
    users:
      list:
        resource: people
        response: &user '{ "id": $string(id), "name": display_name, "emails": [{ "email": email, "type": "work", "is_primary": true }] }'
      create:
        resource: people
        body: '${parts.createBody ?? '{ "display_name": name, "email": emails[0].email }'}'
        response: *user
    roles:
      list:
        resource: roles
        response: '{ "id": $string(id), "name": name }'
    activities:
      list:
        resource: audit
        response: '{ "id": $string(id), "action": "other", "created_at": at }'
`;
}

export function loadVariant(parts: VariantParts = {}): Promise<CompiledIntegration> {
  return loadIntegrationSource(acmeVariant(parts), 'acme-variant.yaml');
}

/** An engine over one variant, closed after the test. */
export async function variantEngine(
  integration: CompiledIntegration,
  options: Partial<EngineOptions> = {},
): Promise<Engine> {
  return createEngine({
    integrations: [integration],
    cursorSecret: CURSOR_SECRET,
    clock: () => NOW,
    ...options,
  });
}

/** nock refuses every host nobody intercepts, so a request to a real host fails the test instead of leaving. */
export function useOfflineNetwork(): void {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
}
