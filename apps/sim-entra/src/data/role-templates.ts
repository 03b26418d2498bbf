/**
 * @module Built-in directory roles. For built-in roles the definition id is the template id (entra-api.md §6);
 * the ids below are Microsoft's published template ids.
 */

export interface RoleTemplate {
  readonly id: string;
  readonly displayName: string;
  readonly description: string;
  readonly actions: readonly string[];
}

export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';

export const BUILT_IN_ROLES: readonly RoleTemplate[] = [
  {
    id: GLOBAL_ADMINISTRATOR,
    displayName: 'Global Administrator',
    description:
      'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.',
    actions: [
      'microsoft.directory/users/allProperties/allTasks',
      'microsoft.directory/groups/allProperties/allTasks',
    ],
  },
  {
    id: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
    displayName: 'Global Reader',
    description: 'Can read everything that a Global Administrator can, but not update anything.',
    actions: [
      'microsoft.directory/users/allProperties/read',
      'microsoft.directory/groups/allProperties/read',
    ],
  },
  {
    id: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
    displayName: 'User Administrator',
    description:
      'Can manage all aspects of users and groups, including resetting passwords for limited admins.',
    actions: [
      'microsoft.directory/users/create',
      'microsoft.directory/users/delete',
      'microsoft.directory/users/basic/update',
    ],
  },
  {
    id: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
    displayName: 'Helpdesk Administrator',
    description: 'Can reset passwords for non-administrators and Helpdesk Administrators.',
    actions: [
      'microsoft.directory/users/password/update',
      'microsoft.directory/users/invalidateAllRefreshTokens',
    ],
  },
  {
    id: 'b0f54661-2d74-4c50-afa3-1ec803f12efe',
    displayName: 'Billing Administrator',
    description: 'Can perform common billing related tasks like updating payment information.',
    actions: [
      'microsoft.directory/organization/basic/update',
      'microsoft.commerce.billing/allEntities/allProperties/allTasks',
    ],
  },
  {
    id: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
    displayName: 'Groups Administrator',
    description:
      'Members of this role can create/manage groups, create/manage groups settings like naming and expiration policies, and view groups activity and audit reports.',
    actions: [
      'microsoft.directory/groups/create',
      'microsoft.directory/groups/delete',
      'microsoft.directory/groups/members/update',
    ],
  },
  {
    id: '194ae4cb-b126-40b2-bd5b-6091b380977d',
    displayName: 'Security Administrator',
    description:
      'Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.',
    actions: [
      'microsoft.directory/auditLogs/allProperties/read',
      'microsoft.directory/signInReports/allProperties/read',
    ],
  },
  {
    id: '5d6b6bb7-de71-4623-b4af-96380a352509',
    displayName: 'Security Reader',
    description: 'Can read security information and reports in Microsoft Entra ID and Office 365.',
    actions: ['microsoft.directory/auditLogs/allProperties/read'],
  },
  {
    id: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
    displayName: 'Application Administrator',
    description: 'Can create and manage all aspects of app registrations and enterprise apps.',
    actions: ['microsoft.directory/applications/create', 'microsoft.directory/servicePrincipals/create'],
  },
  {
    id: '158c047a-c907-4556-b7ef-446551a6b5f7',
    displayName: 'Cloud Application Administrator',
    description:
      'Can create and manage all aspects of app registrations and enterprise apps except App Proxy.',
    actions: ['microsoft.directory/applications/create'],
  },
  {
    id: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
    displayName: 'Privileged Role Administrator',
    description:
      'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.',
    actions: ['microsoft.directory/roleAssignments/allProperties/allTasks'],
  },
  {
    id: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
    displayName: 'Authentication Administrator',
    description:
      'Can access to view, set and reset authentication method information for any non-admin user.',
    actions: [
      'microsoft.directory/users/authenticationMethods/create',
      'microsoft.directory/users/authenticationMethods/delete',
    ],
  },
  {
    id: '966707d0-3269-4727-9be2-8c3a10f19b9d',
    displayName: 'Password Administrator',
    description: 'Can reset passwords for non-administrators and Password Administrators.',
    actions: ['microsoft.directory/users/password/update'],
  },
  {
    id: '29232cdf-9323-42fd-ade2-1d097af3e4de',
    displayName: 'Exchange Administrator',
    description: 'Can manage all aspects of the Exchange product.',
    actions: ['microsoft.office365.exchange/allEntities/basic/allTasks'],
  },
  {
    id: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
    displayName: 'SharePoint Administrator',
    description: 'Can manage all aspects of the SharePoint service.',
    actions: ['microsoft.office365.sharePoint/allEntities/allTasks'],
  },
  {
    id: '4a5d8f65-41da-4de4-8968-e035b65339cf',
    displayName: 'Reports Reader',
    description: 'Can read sign-in and audit reports.',
    actions: [
      'microsoft.directory/auditLogs/allProperties/read',
      'microsoft.directory/signInReports/allProperties/read',
    ],
  },
  {
    id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
    displayName: 'Directory Readers',
    description:
      'Can read basic directory information. Commonly used to grant directory read access to applications and guests.',
    actions: ['microsoft.directory/users/standard/read', 'microsoft.directory/groups/standard/read'],
  },
];

/** Custom roles of the seeded tenant (their id is their template id, as Graph answers for custom roles). */
export const CUSTOM_ROLES: readonly Omit<RoleTemplate, 'id'>[] = [
  {
    displayName: 'Contoso Onboarding Operator',
    description: 'Creates users and resets their first password during onboarding.',
    actions: ['microsoft.directory/users/create', 'microsoft.directory/users/password/update'],
  },
  {
    displayName: 'Rôle d’audit ✓',
    description: 'Reads audit logs only (a custom role with a non-ASCII name).',
    actions: ['microsoft.directory/auditLogs/allProperties/read'],
  },
];
