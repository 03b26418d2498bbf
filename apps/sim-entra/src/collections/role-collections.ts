/** @module How role definitions, role assignments and directory roles may be queried (entra-api.md §6). */
import type { DirectoryRoleRecord, RoleAssignmentRecord, RoleDefinitionRecord } from '../data/records.js';
import type { CollectionRules } from '../odata/collection.js';

export const ROLE_DEFINITION_RULES: CollectionRules<RoleDefinitionRecord> = {
  contextPath: 'roleManagement/directory/roleDefinitions',
  filter: {
    resource: 'UnifiedRoleDefinition',
    properties: {
      id: { type: 'string', ops: ['eq', 'in'], read: (r) => r.id },
      displayName: { type: 'string', ops: ['eq', 'in', 'startswith'], read: (r) => r.displayName },
      isBuiltIn: { type: 'boolean', ops: ['eq'], read: (r) => r.isBuiltIn },
      templateId: { type: 'string', ops: ['eq', 'in'], read: (r) => r.templateId },
    },
  },
  orders: {
    default: { key: (role) => [role.id], directions: [1] },
    displayname: { key: (role) => [role.displayName.toLowerCase(), role.id], directions: [1, 1] },
  },
  presorted: { default: 'stored' },
  top: { default: 500, max: 999 },
  directoryObjects: false,
};

export const ROLE_ASSIGNMENT_RULES: CollectionRules<RoleAssignmentRecord> = {
  contextPath: 'roleManagement/directory/roleAssignments',
  filter: {
    resource: 'UnifiedRoleAssignment',
    properties: {
      id: { type: 'string', ops: ['eq'], read: (r) => r.id },
      principalId: { type: 'string', ops: ['eq', 'in'], read: (r) => r.principalId },
      roleDefinitionId: { type: 'string', ops: ['eq', 'in'], read: (r) => r.roleDefinitionId },
      directoryScopeId: { type: 'string', ops: ['eq'], read: (r) => r.directoryScopeId },
    },
  },
  orders: { default: { key: (assignment) => [assignment.id], directions: [1] } },
  presorted: { default: 'stored' },
  top: { default: 100, max: 999 },
  expandable: ['principal', 'roleDefinition'],
  directoryObjects: false,
};

export const DIRECTORY_ROLE_RULES: CollectionRules<DirectoryRoleRecord> = {
  contextPath: 'directoryRoles',
  filter: {
    resource: 'DirectoryRole',
    properties: {
      roleTemplateId: { type: 'string', ops: ['eq'], read: (r) => r.roleTemplateId },
      displayName: { type: 'string', ops: ['eq'], read: (r) => r.displayName },
    },
  },
  orders: { default: { key: (role) => [role.id], directions: [1] } },
  presorted: { default: 'stored' },
  top: { default: 999, max: 999 },
  directoryObjects: false,
};
