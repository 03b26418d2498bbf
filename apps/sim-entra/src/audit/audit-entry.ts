/**
 * @module Directory audit entries, shared by the seed and by the write routes (every write leaves the entry
 * Entra would log). Names, categories and services follow [ENTRA-AUDIT] (entra-api.md §7).
 */
import type {
  AuditInitiator,
  ClientApp,
  DirectoryAuditRecord,
  GroupRecord,
  RoleDefinitionRecord,
  TargetResource,
  UserRecord,
} from '../data/records.js';

interface ActivityKind {
  readonly category: string;
  readonly service: string;
  readonly operationType: string;
  /** The prefix of the entry id, by logging service. */
  readonly idPrefix: string;
}

const core = (category: string, operationType: string): ActivityKind => ({
  category,
  service: 'Core Directory',
  operationType,
  idPrefix: 'Directory',
});

export const ACTIVITIES: Readonly<Record<string, ActivityKind>> = {
  'Add user': core('UserManagement', 'Add'),
  'Create User': core('UserManagement', 'Add'),
  'Update user': core('UserManagement', 'Update'),
  'Delete user': core('UserManagement', 'Delete'),
  'Hard Delete user': core('UserManagement', 'Delete'),
  'Disable account': core('UserManagement', 'Update'),
  'Enable account': core('UserManagement', 'Update'),
  'Restore user': core('UserManagement', 'Update'),
  'Change user password': core('UserManagement', 'Update'),
  'Reset password': core('UserManagement', 'Update'),
  'Invite external user': {
    category: 'UserManagement',
    service: 'Invited Users',
    operationType: 'Add',
    idPrefix: 'B2B',
  },
  'User registered security info': authMethods('Add'),
  'Admin registered security info': authMethods('Add'),
  'User deleted security info': authMethods('Delete'),
  'Admin deleted security info': authMethods('Delete'),
  'Add group': core('GroupManagement', 'Add'),
  'Update group': core('GroupManagement', 'Update'),
  'Delete group': core('GroupManagement', 'Delete'),
  'Hard Delete group': core('GroupManagement', 'Delete'),
  'Add member to group': core('GroupManagement', 'Assign'),
  'Remove member from group': core('GroupManagement', 'Unassign'),
  'Add member to role': core('RoleManagement', 'Assign'),
  'Remove member from role': core('RoleManagement', 'Unassign'),
  'Add scoped member to role': core('RoleManagement', 'Assign'),
  'Remove scoped member from role': core('RoleManagement', 'Unassign'),
  'Add role assignment to role definition': core('RoleManagement', 'Assign'),
  'Remove role assignment from role definition': core('RoleManagement', 'Unassign'),
  'Add role definition': core('RoleManagement', 'Add'),
  'Delete role definition': core('RoleManagement', 'Delete'),
  // Activities outside the unified table: they must map to `other`.
  'Update application': core('ApplicationManagement', 'Update'),
  'Consent to application': core('ApplicationManagement', 'Assign'),
  'Update policy': core('Policy', 'Update'),
};

function authMethods(operationType: string): ActivityKind {
  return {
    category: 'UserManagement',
    service: 'Authentication Methods',
    operationType,
    idPrefix: 'UserAuthMethod',
  };
}

export interface AuditInput {
  readonly activity: string;
  readonly at: number;
  readonly initiatedBy: AuditInitiator;
  readonly targets: readonly TargetResource[];
  readonly result?: DirectoryAuditRecord['result'];
  readonly resultReason?: string;
}

export interface AuditIds {
  /** A fresh GUID (seeded or random). */
  guid(): string;
  /** A short alphanumeric token and a sequence number for the id suffix. */
  suffix(): string;
}

export function auditEntry(input: AuditInput, ids: AuditIds): DirectoryAuditRecord {
  const kind = ACTIVITIES[input.activity] ?? core('Other', 'Update');
  // Self-service group changes are logged with the SSGM_ prefix seen in the Graph docs.
  const prefix = kind.category === 'GroupManagement' && input.initiatedBy.user ? 'SSGM' : kind.idPrefix;
  return {
    id: `${prefix}_${ids.guid()}_${ids.suffix()}`,
    category: kind.category,
    correlationId: ids.guid(),
    result: input.result ?? 'success',
    resultReason: input.resultReason ?? '',
    activityDisplayName: input.activity,
    activityDateTime: input.at,
    loggedByService: kind.service,
    operationType: kind.operationType,
    initiatedBy: input.initiatedBy,
    targetResources: input.targets,
    additionalDetails: [{ key: 'User-Agent', value: 'Switchboard-Simulator/1.0' }],
  };
}

export function userTarget(
  user: Pick<UserRecord, 'id' | 'displayName' | 'userPrincipalName'>,
  modified: TargetResource['modifiedProperties'] = [],
): TargetResource {
  return {
    id: user.id,
    displayName: user.displayName,
    type: 'User',
    userPrincipalName: user.userPrincipalName,
    groupType: null,
    modifiedProperties: modified,
  };
}

export function groupTarget(group: Pick<GroupRecord, 'id' | 'displayName' | 'groupTypes'>): TargetResource {
  return {
    id: group.id,
    displayName: group.displayName,
    type: 'Group',
    userPrincipalName: null,
    groupType: group.groupTypes.includes('Unified') ? 'unifiedGroups' : 'securityGroups',
    modifiedProperties: [],
  };
}

export function roleTarget(role: Pick<RoleDefinitionRecord, 'id' | 'displayName'>): TargetResource {
  return {
    id: role.id,
    displayName: role.displayName,
    type: 'Role',
    userPrincipalName: null,
    groupType: null,
    modifiedProperties: [],
  };
}

export function byUser(
  user: Pick<UserRecord, 'id' | 'displayName' | 'userPrincipalName'>,
  ipAddress: string | null,
): AuditInitiator {
  return {
    user: {
      id: user.id,
      displayName: user.displayName,
      userPrincipalName: user.userPrincipalName,
      ipAddress,
    },
  };
}

export function byApp(app: ClientApp): AuditInitiator {
  return {
    app: {
      appId: app.appId,
      displayName: app.displayName,
      servicePrincipalId: app.servicePrincipalId,
      servicePrincipalName: null,
    },
  };
}
