/**
 * @module Groups, role definitions, role assignments, activated directory roles and service principals as
 * Graph returns them, and the `@odata.type`-tagged form of any directory object (members, memberOf,
 * `$expand=principal`).
 */
import type {
  DirectoryRoleRecord,
  GroupRecord,
  RoleAssignmentRecord,
  RoleDefinitionRecord,
  ServicePrincipalRecord,
} from '../data/records.js';
import type { DirectoryObject } from '../data/tenant.js';
import { type EntityShape, project } from '../odata/select.js';
import { USER_SHAPE, userView } from './user-view.js';

const GROUP_PROPERTIES = [
  'id',
  'createdDateTime',
  'description',
  'displayName',
  'groupTypes',
  'isAssignableToRole',
  'mail',
  'mailEnabled',
  'mailNickname',
  'membershipRule',
  'securityEnabled',
  'visibility',
];
export const GROUP_SHAPE: EntityShape = {
  typeName: 'microsoft.graph.group',
  properties: GROUP_PROPERTIES,
  defaults: GROUP_PROPERTIES,
};

export function groupView(group: GroupRecord): Record<string, unknown> {
  return {
    id: group.id,
    createdDateTime: group.createdDateTime,
    description: group.description,
    displayName: group.displayName,
    groupTypes: [...group.groupTypes],
    isAssignableToRole: group.isAssignableToRole,
    mail: group.mail,
    mailEnabled: group.mailEnabled,
    mailNickname: group.mailNickname,
    membershipRule: group.membershipRule,
    securityEnabled: group.securityEnabled,
    visibility: group.visibility,
  };
}

const DEFINITION_PROPERTIES = [
  'id',
  'description',
  'displayName',
  'isBuiltIn',
  'isEnabled',
  'resourceScopes',
  'templateId',
  'version',
  'rolePermissions',
  'inheritsPermissionsFrom',
];
export const ROLE_DEFINITION_SHAPE: EntityShape = {
  typeName: 'microsoft.graph.unifiedRoleDefinition',
  properties: DEFINITION_PROPERTIES,
  // inheritsPermissionsFrom is a navigation property: only with $expand or $select.
  defaults: DEFINITION_PROPERTIES.filter((name) => name !== 'inheritsPermissionsFrom'),
};

export function roleDefinitionView(role: RoleDefinitionRecord): Record<string, unknown> {
  return {
    id: role.id,
    description: role.description,
    displayName: role.displayName,
    isBuiltIn: role.isBuiltIn,
    isEnabled: role.isEnabled,
    resourceScopes: ['/'],
    templateId: role.templateId,
    version: role.version,
    rolePermissions: role.rolePermissions.map((permission) => ({
      allowedResourceActions: [...permission.allowedResourceActions],
      condition: permission.condition,
    })),
    inheritsPermissionsFrom: role.inheritsPermissionsFrom.map((parent) => ({ id: parent.id })),
  };
}

const ASSIGNMENT_PROPERTIES = [
  'id',
  'principalId',
  'roleDefinitionId',
  'directoryScopeId',
  'resourceScope',
  'appScopeId',
  'condition',
];
export const ROLE_ASSIGNMENT_SHAPE: EntityShape = {
  typeName: 'microsoft.graph.unifiedRoleAssignment',
  properties: ASSIGNMENT_PROPERTIES,
  defaults: ASSIGNMENT_PROPERTIES,
};

export function roleAssignmentView(assignment: RoleAssignmentRecord): Record<string, unknown> {
  return {
    id: assignment.id,
    principalId: assignment.principalId,
    roleDefinitionId: assignment.roleDefinitionId,
    directoryScopeId: assignment.directoryScopeId,
    resourceScope: assignment.resourceScope,
    appScopeId: null,
    condition: null,
  };
}

const DIRECTORY_ROLE_PROPERTIES = ['id', 'deletedDateTime', 'description', 'displayName', 'roleTemplateId'];
export const DIRECTORY_ROLE_SHAPE: EntityShape = {
  typeName: 'microsoft.graph.directoryRole',
  properties: DIRECTORY_ROLE_PROPERTIES,
  defaults: DIRECTORY_ROLE_PROPERTIES,
};

export function directoryRoleView(role: DirectoryRoleRecord): Record<string, unknown> {
  return {
    id: role.id,
    deletedDateTime: null,
    description: role.description,
    displayName: role.displayName,
    roleTemplateId: role.roleTemplateId,
  };
}

const PRINCIPAL_PROPERTIES = ['id', 'appId', 'displayName', 'servicePrincipalType', 'accountEnabled'];
export const SERVICE_PRINCIPAL_SHAPE: EntityShape = {
  typeName: 'microsoft.graph.servicePrincipal',
  properties: PRINCIPAL_PROPERTIES,
  defaults: PRINCIPAL_PROPERTIES,
};

export function servicePrincipalView(principal: ServicePrincipalRecord): Record<string, unknown> {
  return {
    id: principal.id,
    appId: principal.appId,
    displayName: principal.displayName,
    servicePrincipalType: 'Application',
    accountEnabled: true,
  };
}

/** Any directory object with its `@odata.type`, projected by `$select` where the type has the property. */
export function directoryObjectView(
  object: DirectoryObject | { kind: 'directoryRole'; record: DirectoryRoleRecord },
  selected: readonly string[] | undefined,
): Record<string, unknown> {
  const typed = (shape: EntityShape, view: Record<string, unknown>) => ({
    '@odata.type': `#${shape.typeName}`,
    ...project(
      view,
      shape,
      selected?.filter((name) => shape.properties.includes(name)),
    ),
  });
  switch (object.kind) {
    case 'user':
      return typed(USER_SHAPE, userView(object.record));
    case 'group':
      return typed(GROUP_SHAPE, groupView(object.record));
    case 'servicePrincipal':
      return typed(SERVICE_PRINCIPAL_SHAPE, servicePrincipalView(object.record));
    case 'directoryRole':
      return typed(DIRECTORY_ROLE_SHAPE, directoryRoleView(object.record));
  }
}
