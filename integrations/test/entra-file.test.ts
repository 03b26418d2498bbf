/**
 * `entra.yaml` as the engine loads it: connection patterns, the OData the unified filters become, write bodies,
 * and the record mappings on Graph-shaped samples from entra-api.md (each mapped record checked against the
 * unified model's JSON Schema).
 */
import { fileURLToPath } from 'node:url';
import { type CompiledIntegration, loadIntegrationFile } from '@switchboard/engine';
import { createAjv, userDirectoryJsonSchema } from '@switchboard/schema';
import { beforeAll, describe, expect, it } from 'vitest';

const FILE = fileURLToPath(new URL('../entra.yaml', import.meta.url));
let entra: CompiledIntegration;
beforeAll(async () => {
  entra = await loadIntegrationFile(FILE);
});

const ajv = createAjv();
ajv.addSchema(userDirectoryJsonSchema());
const schema = (name: string) =>
  ajv.getSchema(`https://switchboard.dev/schema/user-directory.schema.json#/$defs/${name}`)!;

async function evaluate(
  pointer: string,
  input: unknown,
  bindings: Record<string, unknown> = {},
): Promise<unknown> {
  const compiled = entra.expression(pointer);
  if (compiled === undefined) throw new Error(`${pointer} was not compiled by the loader`);
  const result = await compiled.evaluate(input, bindings);
  return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
}
const ud = (path: string) => `/unified/user-directory/${path}`;

describe('connection', () => {
  const pattern = (field: string) =>
    new RegExp((entra.definition.connection[field] as { pattern: string }).pattern);
  it.each(['3f1c2b4a-9d8e-4f7a-b6c5-1e2d3c4b5a69', 'contoso.onmicrosoft.com', 'Contoso-EU.onmicrosoft.com'])(
    'tenant_id accepts %s',
    (value) => expect(pattern('tenant_id').test(value)).toBe(true),
  );
  it.each([
    'contoso.com',
    'common',
    'a/b.onmicrosoft.com',
    'x.onmicrosoft.com/..',
    '3f1c2b4a-9d8e-4f7a-b6c5',
  ])('tenant_id refuses %s (it lands in the token URL path)', (value) =>
    expect(pattern('tenant_id').test(value)).toBe(false),
  );
  it('leaves client_id to Entra (the contract fixes no form; an unknown one is refused upstream)', () =>
    expect(entra.definition.connection['client_id']).not.toHaveProperty('pattern'));
});

describe('activities: a get picks the log by the id’s form', () => {
  const readsSignIns = (id: string) => evaluate(ud('activities/get/alternatives/0/when'), {}, { id });
  it.each(['2fb8fdf7-cf3c-4118-97b5-c350d135c11e', 'signin-0001'])('%s → the sign-in log', async (id) =>
    expect(await readsSignIns(id)).toBe(true),
  );
  it.each([
    'SSGM_b662f17a-9a73-4f5b-a8a3-6ae3f1b0c2d4_MCDC4_88453290',
    'Directory_d6d005d5-1349-47be-9a86-dd872e1a44d9_7ENU9_93530553',
  ])('%s → the audit log (service prefix)', async (id) => expect(await readsSignIns(id)).toBe(false));
});

describe('users: filters → Graph OData', () => {
  const query = (filters: Record<string, string>) =>
    evaluate(ud('users/list/query'), filters, { query: filters });

  it('always selects the properties the mapping needs; no $filter without filters', async () => {
    expect(await query({})).toEqual({
      $select:
        'id,userPrincipalName,displayName,givenName,surname,jobTitle,department,companyName,employeeId,mail,businessPhones,mobilePhone,accountEnabled,userType,externalUserState,createdDateTime',
    });
  });

  it('quotes strings with doubled quotes, sends date-times unquoted in UTC, joins with and', async () => {
    const result = (await query({
      email: "liam.o'neil@acme.example",
      'created_at[gte]': '2024-01-01T00:00:00Z',
    })) as {
      $filter: string;
    };
    expect(result.$filter).toBe(
      "mail eq 'liam.o''neil@acme.example' and createdDateTime ge 2024-01-01T00:00:00.000Z",
    );
    const offset = (await query({ 'created_at[gte]': '2024-01-01T02:00:00+02:00' })) as { $filter: string };
    expect(offset.$filter).toBe('createdDateTime ge 2024-01-01T00:00:00.000Z');
  });

  it.each([
    ['suspended', 'accountEnabled eq false'],
    ['active', 'accountEnabled eq true'],
    [
      'invited',
      "accountEnabled eq true and userType eq 'Guest' and externalUserState eq 'PendingAcceptance'",
    ],
    ['locked', 'accountEnabled eq true and accountEnabled eq false'],
  ])('status %s narrows upstream with %s', async (status, filter) => {
    expect(((await query({ status })) as { $filter: string }).$filter).toBe(filter);
  });
});

describe('users: writes', () => {
  const createBody = (body: Record<string, unknown>) => evaluate(ud('users/create/body'), body);
  const updateBody = (body: Record<string, unknown>) => evaluate(ud('users/update/body'), body, { id: 'u1' });

  it('creates with the §8.1 body, the given password kept', async () => {
    expect(
      await createBody({
        username: 'ann.lee@contoso.com',
        first_name: 'Ann',
        last_name: 'Lee',
        password: 'Pa55-word!',
      }),
    ).toEqual({
      accountEnabled: true,
      displayName: 'Ann Lee',
      mailNickname: 'ann.lee',
      userPrincipalName: 'ann.lee@contoso.com',
      passwordProfile: { password: 'Pa55-word!', forceChangePasswordNextSignIn: true },
      givenName: 'Ann',
      surname: 'Lee',
    });
  });

  it('refuses a create without a username', async () => {
    await expect(createBody({ name: 'No Login' })).rejects.toThrow(/needs a username/);
  });

  it('updates only what is sent: status to accountEnabled, null clears, locked refused', async () => {
    expect(await updateBody({ status: 'suspended', title: null })).toEqual({
      accountEnabled: false,
      jobTitle: null,
    });
    expect(await updateBody({ status: 'active' })).toEqual({ accountEnabled: true });
    await expect(updateBody({ status: 'locked' })).rejects.toThrow(/cannot lock/);
    expect(await updateBody({ emails: [], phones: [] })).toEqual({
      mail: null,
      businessPhones: [],
      mobilePhone: null,
    });
    expect(
      await updateBody({
        emails: [
          { email: 'b@x.example', type: 'other', is_primary: false },
          { email: 'a@x.example', type: 'work', is_primary: true },
        ],
        phones: [{ number: '+1 555 0100', type: 'mobile' }],
      }),
    ).toEqual({ mail: 'a@x.example', businessPhones: [], mobilePhone: '+1 555 0100' });
  });
});

describe('record mappings on Graph samples', () => {
  it('a guest who has not accepted is invited; a disabled one is suspended', async () => {
    const guest = {
      id: 'b3a6d0d7-2f3e-4b6f-9d8e-000000000001',
      userPrincipalName: 'a_contoso.com#EXT#@microsoft.onmicrosoft.com',
      displayName: 'A Guest',
      givenName: null,
      surname: null,
      mail: 'a@contoso.com',
      businessPhones: [],
      mobilePhone: null,
      accountEnabled: true,
      userType: 'Guest',
      externalUserState: 'PendingAcceptance',
      createdDateTime: null,
    };
    const mapped = await evaluate(ud('users/list/response'), guest);
    expect(mapped).toEqual({
      id: guest.id,
      username: guest.userPrincipalName,
      name: 'A Guest',
      emails: [{ email: 'a@contoso.com', type: 'work', is_primary: true }],
      status: 'invited',
    });
    expect(schema('User')(mapped)).toBe(true);
    expect(await evaluate(ud('users/list/response'), { ...guest, accountEnabled: false })).toMatchObject({
      status: 'suspended',
    });
  });

  it('keeps only user principals among role assignments (the docs’ id form kept as is)', async () => {
    const item = {
      id: 'lAPpYvVpN0KRkAEhdxReEMmO4KwRqtpKkUWt3wOYIz4-1',
      principalId: 'aceed6c9-aad5-4ad4-b1d4-4a3c8ebd67d0',
      roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10',
      directoryScopeId: '/',
      principal: { '@odata.type': '#microsoft.graph.user', id: 'aceed6c9-aad5-4ad4-b1d4-4a3c8ebd67d0' },
    };
    const mapped = await evaluate(ud('role_assignments/list/response'), item);
    expect(mapped).toEqual({ id: item.id, user_id: item.principalId, role_id: item.roleDefinitionId });
    expect(schema('RoleAssignment')(mapped)).toBe(true);
    const group = { ...item, principal: { '@odata.type': '#microsoft.graph.group', id: 'g' } };
    expect(await evaluate(ud('role_assignments/list/response'), group)).toBeUndefined();
  });

  it('maps a directory audit initiated by an app, the "Create User" spelling included', async () => {
    const audit = {
      id: 'SSGM_b662f17a-0000-4000-8000-000000000000_MCDC4_88453290',
      category: 'UserManagement',
      result: 'success',
      activityDisplayName: 'Create User',
      activityDateTime: '2024-03-01T09:15:00.1234567Z',
      initiatedBy: { user: null, app: { appId: 'app-1', displayName: 'Provisioning' } },
      targetResources: [{ id: 'u1', displayName: null, type: 'User', userPrincipalName: 'ann@contoso.com' }],
    };
    const mapped = await evaluate(ud('activities/list/merge/sources/0/response'), audit);
    expect(mapped).toEqual({
      id: audit.id,
      action: 'user_created',
      description: 'Create User',
      actor: { type: 'system', id: 'app-1', name: 'Provisioning' },
      target: { type: 'user', id: 'u1', name: 'ann@contoso.com' },
      created_at: '2024-03-01T09:15:00.123Z',
    });
    expect(schema('Activity')(mapped)).toBe(true);
    expect(
      await evaluate(ud('activities/list/merge/sources/0/response'), { ...audit, result: 'failure' }),
    ).toMatchObject({
      action: 'other',
    });
  });

  it('maps a failed sign-in (errorCode ≠ 0) to login_failed', async () => {
    const signIn = {
      id: '66ea54eb-6301-4ee5-be62-ff5a759b0100',
      createdDateTime: '2020-03-13T19:15:41.6195833Z',
      userDisplayName: 'Test contoso',
      userId: '26be570a-ae82-4189-b4e2-a37c6808512d',
      appId: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064',
      appDisplayName: 'Graph explorer',
      ipAddress: '131.107.159.37',
      status: { errorCode: 50126, failureReason: 'Invalid username or password' },
      location: { city: 'Redmond', state: 'Washington', countryOrRegion: 'US' },
    };
    const mapped = await evaluate(ud('activities/list/merge/sources/1/response'), signIn);
    expect(mapped).toEqual({
      id: signIn.id,
      action: 'login_failed',
      description: 'Test contoso failed to sign in to Graph explorer',
      actor: { type: 'user', id: signIn.userId, name: 'Test contoso' },
      target: { type: 'app', id: signIn.appId, name: 'Graph explorer' },
      context: { ip_address: '131.107.159.37', location: 'Redmond, Washington, US' },
      created_at: '2020-03-13T19:15:41.619Z',
    });
    expect(schema('Activity')(mapped)).toBe(true);
  });
});
