/**
 * @module The tenant's stored objects, shaped as Microsoft Graph v1.0 returns them (property names and value
 * forms of entra-api.md §4–§7). Routes project them with `$select`; nothing here is ever mutated into wire form.
 */

export type UserType = 'Member' | 'Guest';
export type ExternalUserState = 'PendingAcceptance' | 'Accepted';

export interface UserRecord {
  readonly id: string;
  userPrincipalName: string;
  displayName: string | null;
  givenName: string | null;
  surname: string | null;
  jobTitle: string | null;
  department: string | null;
  companyName: string | null;
  employeeId: string | null;
  mail: string | null;
  mailNickname: string;
  otherMails: string[];
  businessPhones: string[];
  mobilePhone: string | null;
  officeLocation: string | null;
  preferredLanguage: string | null;
  usageLocation: string | null;
  city: string | null;
  country: string | null;
  accountEnabled: boolean;
  userType: UserType;
  /** Only for guests invited through the invitation API; `null` for everyone else (§4). */
  externalUserState: ExternalUserState | null;
  externalUserStateChangeDateTime: string | null;
  creationType: string | null;
  /** ISO, second precision; `null` for some old accounts (§4). */
  createdDateTime: string | null;
  onPremisesSyncEnabled: boolean | null;
  /** Kept to check sign-ins; Graph never returns it (`passwordProfile` reads back as null). */
  password: string;
  forceChangePasswordNextSignIn: boolean;
}

export type GroupKind = 'security' | 'unified' | 'dynamic' | 'mail-security';

export interface GroupRecord {
  readonly id: string;
  displayName: string;
  description: string | null;
  mail: string | null;
  mailEnabled: boolean;
  mailNickname: string;
  securityEnabled: boolean;
  groupTypes: string[];
  membershipRule: string | null;
  visibility: string | null;
  isAssignableToRole: boolean | null;
  createdDateTime: string;
  /** Member object ids (users and groups), in the order they were added. */
  readonly members: string[];
}

export interface RolePermission {
  readonly allowedResourceActions: readonly string[];
  readonly condition: string | null;
}

export interface RoleDefinitionRecord {
  readonly id: string;
  readonly displayName: string;
  readonly description: string;
  readonly isBuiltIn: boolean;
  readonly isEnabled: boolean;
  readonly templateId: string;
  readonly version: string | null;
  readonly rolePermissions: readonly RolePermission[];
  readonly inheritsPermissionsFrom: readonly { readonly id: string }[];
}

export interface RoleAssignmentRecord {
  readonly id: string;
  readonly principalId: string;
  readonly roleDefinitionId: string;
  readonly directoryScopeId: string;
  /** Graph still returns the deprecated `resourceScope` alongside `directoryScopeId`. */
  readonly resourceScope: string;
}

/** An activated role (`/directoryRoles`): its own id, the template it activates. */
export interface DirectoryRoleRecord {
  readonly id: string;
  readonly roleTemplateId: string;
  readonly displayName: string;
  readonly description: string;
}

export interface ServicePrincipalRecord {
  readonly id: string;
  readonly appId: string;
  readonly displayName: string;
}

export interface AuditInitiator {
  readonly user?: {
    readonly id: string;
    readonly displayName: string | null;
    readonly userPrincipalName: string;
    readonly ipAddress: string | null;
  };
  readonly app?: {
    readonly appId: string;
    readonly displayName: string;
    readonly servicePrincipalId: string;
    readonly servicePrincipalName: string | null;
  };
}

export interface TargetResource {
  readonly id: string;
  readonly displayName: string | null;
  readonly type: 'User' | 'Group' | 'Role' | 'Application' | 'ServicePrincipal' | 'Other';
  readonly userPrincipalName: string | null;
  readonly groupType: string | null;
  readonly modifiedProperties: readonly {
    readonly displayName: string;
    readonly oldValue: string | null;
    readonly newValue: string | null;
  }[];
}

export interface DirectoryAuditRecord {
  readonly id: string;
  readonly category: string;
  readonly correlationId: string;
  readonly result: 'success' | 'failure' | 'timeout' | 'unknownFutureValue';
  readonly resultReason: string;
  readonly activityDisplayName: string;
  /** Epoch ms (rendered with 7 fractional digits, as Graph does). */
  readonly activityDateTime: number;
  readonly loggedByService: string;
  readonly operationType: string;
  readonly initiatedBy: AuditInitiator;
  readonly targetResources: readonly TargetResource[];
  readonly additionalDetails: readonly { readonly key: string; readonly value: string }[];
}

export interface SignInRecord {
  readonly id: string;
  /** Epoch ms. */
  readonly createdDateTime: number;
  readonly userDisplayName: string | null;
  readonly userPrincipalName: string;
  readonly userId: string;
  readonly appId: string;
  readonly appDisplayName: string;
  readonly ipAddress: string;
  readonly clientAppUsed: string;
  readonly correlationId: string;
  readonly conditionalAccessStatus: 'success' | 'failure' | 'notApplied';
  readonly isInteractive: boolean;
  readonly riskLevelDuringSignIn: string;
  readonly errorCode: number;
  readonly failureReason: string | null;
  readonly location: {
    readonly city: string;
    readonly state: string;
    readonly countryOrRegion: string;
    readonly latitude: number;
    readonly longitude: number;
  };
  readonly browser: string;
  readonly operatingSystem: string;
}

/** The application used on the simulator's token endpoint, as seen in audits it causes. */
export interface ClientApp {
  readonly appId: string;
  readonly displayName: string;
  readonly servicePrincipalId: string;
}
