/**
 * The API's unified routes and OpenAPI document are derived from each resource's one definition in
 * @switchboard/schema: the filters it names (with their closed values), its write bodies and its write-only fields.
 */
import { ACTIVITY_ACTIONS, UNIFIED_MODEL_DEFINITIONS } from '@switchboard/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, type Stack, startStack, type Tenant } from './stack.js';

let stack: Stack;
let tenant: Tenant;
let account: string;

beforeAll(async () => {
  stack = await startStack({ simulator: { users: 3 } });
  tenant = await stack.tenant();
  account = await stack.link(tenant);
});
afterAll(async () => {
  await stack.close();
});

interface Parameter {
  name: string;
  in: string;
  schema: { enum?: string[]; type?: string };
}
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
  components: { schemas: Record<string, { properties?: Record<string, { writeOnly?: boolean }> }> };
}

describe('routes and OpenAPI document derived from the unified model definitions', () => {
  let document: OpenApi;
  beforeAll(async () => {
    document = (await stack.inject({ url: '/openapi.json' })).json() as OpenApi;
  });

  it('documents every contract filter of every resource as a query parameter, closed enums with their values', () => {
    for (const model of UNIFIED_MODEL_DEFINITIONS) {
      for (const resource of model.resources) {
        const parameters =
          document.paths[`/unified/${model.name}/${resource.name}`]?.['get']?.parameters ?? [];
        const query = new Map(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema]));
        for (const filter of resource.filters) {
          expect(query.has(filter.name), `${resource.name} ${filter.name}`).toBe(true);
          if (filter.values !== undefined) expect(query.get(filter.name)?.enum).toEqual(filter.values);
        }
      }
    }
    const activities = document.paths['/unified/user-directory/activities']?.['get']?.parameters ?? [];
    expect(activities.find((p) => p.name === 'action')?.schema.enum).toEqual([...ACTIVITY_ACTIONS]);
  });

  it('publishes each write body, with the password marked write-only', () => {
    const { schemas } = document.components;
    for (const name of ['UserCreate', 'UserUpdate', 'RoleWrite', 'RoleUpdate', 'RoleAssignmentCreate'])
      expect(schemas, name).toHaveProperty([name]);
    expect(schemas['UserCreate']?.properties?.['password']?.writeOnly).toBe(true);
    expect(schemas['User']?.properties).not.toHaveProperty('password');
  });
});

describe('filter values checked against the definition', () => {
  const usersUrl = (query: string) =>
    `/unified/user-directory/users?integrated_account_id=${account}${query}`;

  it('answers 400 naming the filter for a date that is not ISO-8601, instead of an empty list', async () => {
    const response = await stack.inject({
      url: usersUrl('&updated_at[gte]=yesterday'),
      headers: tenant.headers,
    });
    expect(response.statusCode).toBe(400);
    const body = errorBody(response);
    expect(body.code).toBe('SB_ERR_RUN_INVALID_INPUT');
    expect(body.message).toContain('updated_at[gte]');
    expect(body.message).toContain('ISO-8601');
  });

  it('accepts a round-2 activity action as a filter value', async () => {
    const response = await stack.inject({
      url: `/unified/user-directory/activities?integrated_account_id=${account}&action=group_member_added`,
      headers: tenant.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
  });
});
