/**
 * The TypeScript SDK against the real API: its types match the published OpenAPI document, it walks every page of
 * a unified list, and failures arrive as typed errors carrying the contract's code.
 */
import {
  ACTIVITY_FIELDS,
  GROUP_FIELDS,
  ROLE_ASSIGNMENT_FIELDS,
  ROLE_FIELDS,
  Switchboard,
  SwitchboardApiError,
  USER_FIELDS,
} from '@switchboard/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack, type Tenant } from './stack.js';

let stack: Stack;
let tenant: Tenant;
let accountId: string;
let sdk: Switchboard;

beforeAll(async () => {
  stack = await startStack({ simulator: { users: 57 } });
  tenant = await stack.tenant();
  accountId = await stack.link(tenant);
  const url = await stack.app.listen({ port: 0, host: '127.0.0.1' });
  sdk = new Switchboard({ apiKey: tenant.apiKey, baseUrl: url });
}, 60_000);
afterAll(() => stack?.close());

describe('the SDK against the API', () => {
  it('declares exactly the fields of the unified schemas the API publishes in /openapi.json', async () => {
    const response = await stack.inject({ method: 'GET', url: '/openapi.json' });
    const schemas = (response.json() as { components: { schemas: Record<string, { properties?: object }> } })
      .components.schemas;
    const sdkModels = {
      User: USER_FIELDS,
      Group: GROUP_FIELDS,
      Role: ROLE_FIELDS,
      RoleAssignment: ROLE_ASSIGNMENT_FIELDS,
      Activity: ACTIVITY_FIELDS,
    };
    for (const [name, fields] of Object.entries(sdkModels)) {
      const published = schemas[name];
      expect(published, `components.schemas.${name}`).toBeDefined();
      expect(Object.keys(published?.properties ?? {}).sort(), name).toEqual(Object.keys(fields).sort());
    }
  });

  it('iterates every user of the account exactly once, across pages', async () => {
    const ids: string[] = [];
    for await (const user of sdk.unified.userDirectory.users.iterate({
      integrated_account_id: accountId,
      limit: 10,
    })) {
      ids.push(user.id);
    }
    expect(ids).toHaveLength(57);
    expect(new Set(ids).size).toBe(57);
  });

  it('raises a typed error with the contract code for an account of nobody', async () => {
    const error = await sdk.unified.userDirectory.users
      .list({ integrated_account_id: 'ia_does_not_exist' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwitchboardApiError);
    expect(error).toMatchObject({ status: 404, code: 'SB_ERR_NOT_FOUND' });
  });
});
