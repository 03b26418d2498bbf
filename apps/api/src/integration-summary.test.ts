import { loadIntegrationSource } from '@switchboard/engine';
import { describe, expect, it } from 'vitest';
import { summarizeIntegration } from './integration-summary.js';

const FILE = `schema_version: 1
name: demo
label: Demo
connection:
  tenant: { type: string, label: Tenant }
  scope: { type: string, label: Scope, default: directory.read }
  api_key: { type: string, label: API key, secret: true }
base_url: https://{{ connection.tenant }}.demo.test
auth: { type: api_key, in: header, name: X-Api-Key, value: "{{ connection.api_key }}" }
resources:
  users:
    list: { method: GET, path: /users }
`;

describe('summarizeIntegration', () => {
  it('shows a field with a default as optional, with its default', async () => {
    const integration = await loadIntegrationSource(FILE, 'demo.yaml');
    const fields = summarizeIntegration(integration, {}).connection_fields;
    expect(fields.find((field) => field.name === 'scope')).toMatchObject({
      required: false,
      default: 'directory.read',
    });
    expect(fields.find((field) => field.name === 'tenant')).toMatchObject({ required: true });
    expect(fields.find((field) => field.name === 'tenant')).not.toHaveProperty('default');
  });
});
