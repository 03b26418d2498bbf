import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_ADMINISTRATOR } from '../data/role-templates.js';
import { type Harness, readAllPages, startHarness } from '../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ users: 80, seed: 4 });
});
afterAll(() => h.sim.close());

const tenant = () => h.sim.state.tenant;
const ASSIGNMENTS = '/v1.0/roleManagement/directory/roleAssignments';

describe('role definitions', () => {
  it('built-in role ids are their template ids; filter on isBuiltIn', async () => {
    const role = (
      await h.get(`/v1.0/roleManagement/directory/roleDefinitions/${GLOBAL_ADMINISTRATOR}`)
    ).json();
    expect(role).toMatchObject({
      displayName: 'Global Administrator',
      isBuiltIn: true,
      templateId: GLOBAL_ADMINISTRATOR,
    });
    const custom = await h.get(
      `/v1.0/roleManagement/directory/roleDefinitions?$filter=${encodeURIComponent('isBuiltIn eq false')}`,
    );
    expect(custom.json().value).toHaveLength(2);
  });
});

describe('role assignments', () => {
  it('pages every assignment and expands each principal with its @odata.type', async () => {
    const { items } = await readAllPages(h, `${ASSIGNMENTS}?$expand=principal&$top=5`);
    expect(items.map((a) => a['id'])).toEqual(tenant().roleAssignments.items.map((a) => a.id));
    const types = new Set(items.map((a) => (a['principal'] as { '@odata.type': string })['@odata.type']));
    expect(types).toEqual(
      new Set(['#microsoft.graph.user', '#microsoft.graph.group', '#microsoft.graph.servicePrincipal']),
    );
  });

  it('filters on principalId', async () => {
    const admin = tenant().findUser('ann.lee@acme.example')!;
    const response = await h.get(
      `${ASSIGNMENTS}?$filter=${encodeURIComponent(`principalId eq '${admin.id}'`)}`,
    );
    expect(response.json().value).toEqual([
      expect.objectContaining({ roleDefinitionId: GLOBAL_ADMINISTRATOR, directoryScopeId: '/' }),
    ]);
  });

  it('creates (201, Graph-style id), refuses a duplicate (400), deletes (204, then 404)', async () => {
    const user = tenant().users.items.find(
      (u) => !tenant().roleAssignments.items.some((a) => a.principalId === u.id),
    )!;
    const body = {
      '@odata.type': '#microsoft.graph.unifiedRoleAssignment',
      roleDefinitionId: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
      principalId: user.id,
      directoryScopeId: '/',
    };
    const created = await h.send('POST', ASSIGNMENTS, body);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(id).toMatch(/^[\w-]{43}-1$/);
    expect((await h.send('POST', ASSIGNMENTS, body)).statusCode).toBe(400);
    expect((await h.send('DELETE', `${ASSIGNMENTS}/${id}`)).statusCode).toBe(204);
    expect((await h.send('DELETE', `${ASSIGNMENTS}/${id}`)).statusCode).toBe(404);
    const unknown = await h.send('POST', ASSIGNMENTS, {
      ...body,
      principalId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('the documented id form: base64 of the role template GUID bytes, then the principal’s, then -1', async () => {
    const admin = tenant().findUser('ann.lee@acme.example')!;
    const assignment = tenant().roleAssignments.items.find((a) => a.principalId === admin.id)!;
    // Global Administrator's template encodes as in the Graph docs' example id.
    expect(assignment.id.startsWith('lAPpYvVpN0KRkAEhdxReE')).toBe(true);
  });
});
