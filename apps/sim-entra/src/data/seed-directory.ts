/**
 * @module Seeded groups, service principals, role definitions, role assignments and activated directory
 * roles. Every principal kind of §8.6 appears: users, a role-assignable group and a service principal, plus
 * one assignment scoped to an administrative unit.
 */
import type { Random } from '@switchboard/sim-kit';
import { secondsIso } from './graph-time.js';
import { guidFrom, roleAssignmentId } from './guid.js';
import type {
  DirectoryRoleRecord,
  GroupRecord,
  RoleAssignmentRecord,
  RoleDefinitionRecord,
  ServicePrincipalRecord,
  UserRecord,
} from './records.js';
import { BUILT_IN_ROLES, CUSTOM_ROLES, GLOBAL_ADMINISTRATOR } from './role-templates.js';

const DAY = 86_400_000;

interface GroupTemplate {
  readonly name: string;
  readonly description: string | null;
  readonly types: readonly string[];
  readonly mail: boolean;
  readonly security: boolean;
  readonly rule?: string;
  readonly roleAssignable?: boolean;
  /** Share of users who are members. */
  readonly share: number;
}

const GROUPS: readonly GroupTemplate[] = [
  {
    name: 'All Employees',
    description: 'Every member account',
    types: [],
    mail: false,
    security: true,
    share: 0.7,
  },
  {
    name: 'Engineering',
    description: 'Engineering department',
    types: ['Unified'],
    mail: true,
    security: false,
    share: 0.25,
  },
  { name: 'Sales', description: 'Sales team', types: ['Unified'], mail: true, security: false, share: 0.2 },
  { name: 'Finance Approvers', description: null, types: [], mail: false, security: true, share: 0.05 },
  {
    name: 'Dynamic: Seattle office',
    description: 'Members computed from officeLocation',
    types: ['DynamicMembership'],
    mail: false,
    security: true,
    rule: '(user.officeLocation -startsWith "Seattle")',
    share: 0.15,
  },
  {
    name: 'Helpdesk Admins',
    description: 'Role-assignable group holding Helpdesk Administrator',
    types: [],
    mail: false,
    security: true,
    roleAssignable: true,
    share: 0.03,
  },
  {
    name: '東京チーム',
    description: 'Tokyo team',
    types: ['Unified'],
    mail: true,
    security: false,
    share: 0.08,
  },
  {
    name: 'Mail-enabled security',
    description: 'Legacy distribution',
    types: [],
    mail: true,
    security: true,
    share: 0.1,
  },
  { name: 'Empty group', description: 'Has no members', types: [], mail: false, security: true, share: 0 },
  {
    name: 'Contractors',
    description: 'External and temporary staff',
    types: [],
    mail: false,
    security: true,
    share: 0.1,
  },
];

export interface SeededDirectory {
  readonly groups: GroupRecord[];
  readonly servicePrincipals: ServicePrincipalRecord[];
  readonly roleDefinitions: RoleDefinitionRecord[];
  readonly roleAssignments: RoleAssignmentRecord[];
  readonly directoryRoles: DirectoryRoleRecord[];
}

export function seedDirectory(
  random: Random,
  users: readonly UserRecord[],
  clientPrincipal: ServicePrincipalRecord,
  now: number,
): SeededDirectory {
  const groups: GroupRecord[] = GROUPS.map((template) => {
    const nickname = template.name.replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'group';
    return {
      id: guidFrom(random),
      displayName: template.name,
      description: template.description,
      mail: template.mail ? `${nickname}@acme.example` : null,
      mailEnabled: template.mail,
      mailNickname: nickname,
      securityEnabled: template.security,
      groupTypes: [...template.types],
      membershipRule: template.rule ?? null,
      visibility: template.types.includes('Unified') ? 'Private' : null,
      isAssignableToRole: template.roleAssignable === true ? true : null,
      createdDateTime: secondsIso(now - random.int(30, 900) * DAY),
      members: users.filter(() => random.chance(template.share)).map((user) => user.id),
    };
  });
  // A nested group: Contractors is a member of All Employees.
  const all = groups[0]!;
  const contractors = groups.at(-1)!;
  all.members.push(contractors.id);

  const servicePrincipals: ServicePrincipalRecord[] = [
    clientPrincipal,
    { id: guidFrom(random), appId: guidFrom(random), displayName: 'Provisioning Connector' },
  ];

  const roleDefinitions: RoleDefinitionRecord[] = [
    ...BUILT_IN_ROLES.map((role) =>
      definition(role.id, role.displayName, role.description, role.actions, true),
    ),
    ...CUSTOM_ROLES.map((role) => {
      const id = guidFrom(random);
      return definition(id, role.displayName, role.description, role.actions, false);
    }),
  ];

  const assignments = new Map<string, RoleAssignmentRecord>();
  const assign = (roleDefinitionId: string, principalId: string, scope = '/') => {
    const id =
      scope === '/'
        ? roleAssignmentId(roleDefinitionId, principalId)
        : `${roleAssignmentId(roleDefinitionId, principalId, 2)}`;
    assignments.set(id, { id, principalId, roleDefinitionId, directoryScopeId: scope, resourceScope: scope });
  };
  if (users[0] !== undefined) assign(GLOBAL_ADMINISTRATOR, users[0].id);
  const assignable = roleDefinitions.filter((role) => role.id !== GLOBAL_ADMINISTRATOR);
  for (const user of users.slice(1)) {
    if (!random.chance(0.18)) continue;
    assign(random.pick(assignable).id, user.id);
    if (random.chance(0.3)) assign(random.pick(assignable).id, user.id);
  }
  const helpdesk = groups.find((group) => group.isAssignableToRole === true);
  if (helpdesk !== undefined) assign('729827e3-9c14-49f7-bb1b-9608f156bbb8', helpdesk.id);
  assign('88d8e3e3-8f55-4a1e-953a-9b9898b8876b', servicePrincipals[1]!.id);
  // One assignment scoped to an administrative unit: still a user assignment in the unified list.
  if (users[2] !== undefined) {
    assign('fe930be7-5e62-47db-91af-98c3a49a38b1', users[2].id, `/administrativeUnits/${guidFrom(random)}`);
  }
  const roleAssignments = [...assignments.values()];

  const used = new Set(roleAssignments.map((assignment) => assignment.roleDefinitionId));
  const directoryRoles: DirectoryRoleRecord[] = roleDefinitions
    .filter((role) => role.isBuiltIn && used.has(role.id))
    .map((role) => ({
      id: guidFrom(random),
      roleTemplateId: role.templateId,
      displayName: role.displayName,
      description: role.description,
    }));
  return { groups, servicePrincipals, roleDefinitions, roleAssignments, directoryRoles };
}

function definition(
  id: string,
  displayName: string,
  description: string,
  actions: readonly string[],
  isBuiltIn: boolean,
): RoleDefinitionRecord {
  return {
    id,
    displayName,
    description,
    isBuiltIn,
    isEnabled: true,
    templateId: id,
    version: isBuiltIn ? '1' : null,
    rolePermissions: [{ allowedResourceActions: actions, condition: null }],
    inheritsPermissionsFrom: isBuiltIn ? [{ id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b' }] : [],
  };
}
