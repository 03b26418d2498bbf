/**
 * @module Roles (entra-api.md §6): `roleManagement/directory/roleDefinitions` (read), `…/roleAssignments`
 * (list with `$filter`/`$expand=principal|roleDefinition`/`$select`, get, create 201, delete 204) and the
 * activated `/directoryRoles` with their members. Creating an assignment activates its directory role.
 */
import { bodyOf, isPlainObject, RESOURCE } from '@switchboard/sim-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roleTarget, userTarget } from '../audit/audit-entry.js';
import { logAudit } from '../audit/audit-log.js';
import { MEMBER_RULES } from '../collections/group-collection.js';
import {
  DIRECTORY_ROLE_RULES,
  ROLE_ASSIGNMENT_RULES,
  ROLE_DEFINITION_RULES,
} from '../collections/role-collections.js';
import { GUID, roleAssignmentId } from '../data/guid.js';
import type { RoleAssignmentRecord } from '../data/records.js';
import type { DirectoryObject } from '../data/tenant.js';
import type { SimContext } from '../http/context.js';
import { servePage } from '../odata/collection.js';
import { queryOptions } from '../odata/query-options.js';
import { contextSuffix, parseSelect, project } from '../odata/select.js';
import { unreadablePayload } from '../users/user-input.js';
import {
  DIRECTORY_ROLE_SHAPE,
  directoryObjectView,
  directoryRoleView,
  GROUP_SHAPE,
  ROLE_ASSIGNMENT_SHAPE,
  ROLE_DEFINITION_SHAPE,
  roleAssignmentView,
  roleDefinitionView,
} from '../wire/directory-views.js';
import { badRequest, resourceNotFound } from '../wire/graph-error.js';
import { sendEntity, sendPage } from '../wire/send.js';
import { USER_SHAPE } from '../wire/user-view.js';

type Params = { Params: { id: string } };
const DEFINITIONS = '/v1.0/roleManagement/directory/roleDefinitions';
const ASSIGNMENTS = '/v1.0/roleManagement/directory/roleAssignments';

type Expansion = 'principal' | 'roleDefinition';

function readExpand(request: FastifyRequest): Expansion[] {
  const raw = queryOptions(request).option('expand');
  if (raw === undefined) return [];
  return raw.split(',').map((part) => {
    const name = part.trim();
    if (name === 'principal' || name === 'roleDefinition') return name;
    throw badRequest(
      `Could not find a property named '${name}' on type 'microsoft.graph.unifiedRoleAssignment'.`,
    );
  });
}

export function registerRolesRoutes(app: FastifyInstance, context: SimContext): void {
  const tenant = () => context.state.tenant;

  app.get(DEFINITIONS, RESOURCE, async (request, reply) => {
    const selected = parseSelect(queryOptions(request).option('select'), [ROLE_DEFINITION_SHAPE]);
    const page = servePage(
      request,
      tenant().roleDefinitions.items,
      ROLE_DEFINITION_RULES,
      contextSuffix(selected),
    );
    return sendPage(reply, page, (role) =>
      project(roleDefinitionView(role), ROLE_DEFINITION_SHAPE, selected),
    );
  });

  app.get<Params>(`${DEFINITIONS}/:id`, RESOURCE, async (request, reply) => {
    const role = tenant().roleDefinitions.get(request.params.id.toLowerCase());
    if (role === undefined) throw resourceNotFound(request.params.id);
    const selected = parseSelect(queryOptions(request).option('select'), [ROLE_DEFINITION_SHAPE]);
    return sendEntity(
      reply,
      `roleManagement/directory/roleDefinitions${contextSuffix(selected)}`,
      project(roleDefinitionView(role), ROLE_DEFINITION_SHAPE, selected),
    );
  });

  const assignmentView = (
    assignment: RoleAssignmentRecord,
    selected: string[] | undefined,
    expand: Expansion[],
  ) => {
    const view = project(roleAssignmentView(assignment), ROLE_ASSIGNMENT_SHAPE, selected);
    if (expand.includes('principal')) {
      const principal = tenant().directoryObject(assignment.principalId);
      view['principal'] = principal === undefined ? null : directoryObjectView(principal, undefined);
    }
    if (expand.includes('roleDefinition')) {
      const role = tenant().roleDefinitions.get(assignment.roleDefinitionId);
      view['roleDefinition'] = role === undefined ? null : roleDefinitionView(role);
    }
    return view;
  };

  app.get(ASSIGNMENTS, RESOURCE, async (request, reply) => {
    const selected = parseSelect(queryOptions(request).option('select'), [ROLE_ASSIGNMENT_SHAPE]);
    const expand = readExpand(request);
    const page = servePage(
      request,
      tenant().roleAssignments.items,
      ROLE_ASSIGNMENT_RULES,
      contextSuffix(selected),
    );
    return sendPage(reply, page, (assignment) => assignmentView(assignment, selected, expand));
  });

  app.get<Params>(`${ASSIGNMENTS}/:id`, RESOURCE, async (request, reply) => {
    const assignment = tenant().roleAssignments.get(request.params.id);
    if (assignment === undefined) throw resourceNotFound(request.params.id);
    const selected = parseSelect(queryOptions(request).option('select'), [ROLE_ASSIGNMENT_SHAPE]);
    return sendEntity(
      reply,
      `roleManagement/directory/roleAssignments${contextSuffix(selected)}`,
      assignmentView(assignment, selected, readExpand(request)),
    );
  });

  app.post(ASSIGNMENTS, RESOURCE, async (request, reply) => {
    const body = bodyOf(request);
    if (body.kind !== 'json' || !isPlainObject(body.value)) throw unreadablePayload();
    const input = body.value;
    for (const property of ['roleDefinitionId', 'principalId', 'directoryScopeId']) {
      if (typeof input[property] !== 'string' || input[property] === '') {
        throw badRequest(`Required property '${property}' is missing or empty.`);
      }
    }
    const roleDefinitionId = (input['roleDefinitionId'] as string).toLowerCase();
    const principalId = (input['principalId'] as string).toLowerCase();
    const directoryScopeId = input['directoryScopeId'] as string;
    if (!GUID.test(principalId))
      throw badRequest(`Invalid principal id '${input['principalId'] as string}'.`);
    const role = tenant().roleDefinitions.get(roleDefinitionId);
    if (role === undefined) throw resourceNotFound(input['roleDefinitionId'] as string);
    const principal = tenant().directoryObject(principalId);
    if (principal === undefined) throw resourceNotFound(input['principalId'] as string);
    if (!directoryScopeId.startsWith('/'))
      throw badRequest(`Invalid directoryScopeId '${directoryScopeId}'.`);
    const duplicate = tenant().roleAssignments.items.some(
      (a) =>
        a.roleDefinitionId === roleDefinitionId &&
        a.principalId === principalId &&
        a.directoryScopeId === directoryScopeId,
    );
    if (duplicate) {
      throw badRequest(
        'A conflicting object with one or more of the specified property values is present in the directory.',
      );
    }
    const id =
      directoryScopeId === '/'
        ? roleAssignmentId(roleDefinitionId, principalId)
        : `${roleAssignmentId(roleDefinitionId, principalId, 2)}${context.state.ids.guid().slice(0, 4)}`;
    const assignment: RoleAssignmentRecord = {
      id,
      principalId,
      roleDefinitionId,
      directoryScopeId,
      resourceScope: directoryScopeId,
    };
    tenant().roleAssignments.insert(assignment);
    if (
      role.isBuiltIn &&
      !tenant().directoryRoles.items.some((active) => active.roleTemplateId === role.id)
    ) {
      tenant().directoryRoles.insert({
        id: context.state.ids.guid(),
        roleTemplateId: role.id,
        displayName: role.displayName,
        description: role.description,
      });
    }
    logAudit(context, 'Add member to role', [
      roleTarget(role),
      ...(principal.kind === 'user' ? [userTarget(principal.record)] : []),
    ]);
    return sendEntity(reply, 'roleManagement/directory/roleAssignments', roleAssignmentView(assignment), 201);
  });

  app.delete<Params>(`${ASSIGNMENTS}/:id`, RESOURCE, async (request, reply) => {
    const assignment = tenant().roleAssignments.remove(request.params.id);
    if (assignment === undefined) throw resourceNotFound(request.params.id);
    const role = tenant().roleDefinitions.get(assignment.roleDefinitionId);
    const principal = tenant().directoryObject(assignment.principalId);
    logAudit(context, 'Remove member from role', [
      ...(role ? [roleTarget(role)] : []),
      ...(principal?.kind === 'user' ? [userTarget(principal.record)] : []),
    ]);
    return reply.code(204).send();
  });

  app.get('/v1.0/directoryRoles', RESOURCE, async (request, reply) => {
    const selected = parseSelect(queryOptions(request).option('select'), [DIRECTORY_ROLE_SHAPE]);
    const page = servePage(
      request,
      tenant().directoryRoles.items,
      DIRECTORY_ROLE_RULES,
      contextSuffix(selected),
    );
    return sendPage(reply, page, (role) => project(directoryRoleView(role), DIRECTORY_ROLE_SHAPE, selected));
  });

  const findDirectoryRole = (id: string) => {
    const role = tenant().directoryRoles.get(id.toLowerCase());
    if (role === undefined) throw resourceNotFound(id);
    return role;
  };

  app.get<Params>('/v1.0/directoryRoles/:id', RESOURCE, async (request, reply) => {
    const role = findDirectoryRole(request.params.id);
    return sendEntity(reply, 'directoryRoles', directoryRoleView(role));
  });

  app.get<Params>('/v1.0/directoryRoles/:id/members', RESOURCE, async (request, reply) => {
    const role = findDirectoryRole(request.params.id);
    const selected = parseSelect(queryOptions(request).option('select'), [USER_SHAPE, GROUP_SHAPE]);
    const members = tenant()
      .roleAssignments.items.filter(
        (a) => a.roleDefinitionId === role.roleTemplateId && a.directoryScopeId === '/',
      )
      .map((a) => tenant().directoryObject(a.principalId))
      .filter((member): member is DirectoryObject => member !== undefined)
      .sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
    const page = servePage(request, members, MEMBER_RULES);
    return sendPage(reply, page, (member) => directoryObjectView(member, selected));
  });
}
