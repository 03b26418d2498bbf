/**
 * @module One Entra tenant's directory: id-sorted tables plus the two activity logs. Routes read and write it;
 * `reset()` on the state swaps in a freshly seeded one.
 */
import { SortedTable } from '@switchboard/sim-kit';
import type {
  ClientApp,
  DirectoryAuditRecord,
  DirectoryRoleRecord,
  GroupRecord,
  RoleAssignmentRecord,
  RoleDefinitionRecord,
  ServicePrincipalRecord,
  SignInRecord,
  UserRecord,
} from './records.js';

export interface TenantIdentity {
  readonly tenantId: string;
  /** The initial `*.onmicrosoft.com` domain. */
  readonly initialDomain: string;
  /** Domains a userPrincipalName may use (initial domain included). */
  readonly verifiedDomains: readonly string[];
}

export class Tenant {
  readonly users = new SortedTable<UserRecord, string>();
  readonly groups = new SortedTable<GroupRecord, string>();
  readonly servicePrincipals = new SortedTable<ServicePrincipalRecord, string>();
  readonly roleDefinitions = new SortedTable<RoleDefinitionRecord, string>();
  readonly roleAssignments = new SortedTable<RoleAssignmentRecord, string>();
  readonly directoryRoles = new SortedTable<DirectoryRoleRecord, string>();
  /** Appended in time order (oldest first); views sort as the request asks. */
  readonly audits: DirectoryAuditRecord[] = [];
  readonly signIns: SignInRecord[] = [];

  constructor(
    readonly identity: TenantIdentity,
    readonly clientApp: ClientApp,
  ) {}

  /** A user by object id or by userPrincipalName (Graph accepts either in `/users/{id}`). */
  findUser(idOrUpn: string): UserRecord | undefined {
    const byId = this.users.get(idOrUpn.toLowerCase());
    if (byId !== undefined) return byId;
    const upn = idOrUpn.toLowerCase();
    return this.users.items.find((user) => user.userPrincipalName.toLowerCase() === upn);
  }

  /** Users, groups and service principals share one id space (directoryObjects). */
  directoryObject(id: string): DirectoryObject | undefined {
    const key = id.toLowerCase();
    const user = this.users.get(key);
    if (user !== undefined) return { kind: 'user', record: user };
    const group = this.groups.get(key);
    if (group !== undefined) return { kind: 'group', record: group };
    const principal = this.servicePrincipals.get(key);
    if (principal !== undefined) return { kind: 'servicePrincipal', record: principal };
    return undefined;
  }

  /** Groups that list `memberId` directly. */
  groupsOf(memberId: string): GroupRecord[] {
    return this.groups.items.filter((group) => group.members.includes(memberId));
  }
}

export type DirectoryObject =
  | { readonly kind: 'user'; readonly record: UserRecord }
  | { readonly kind: 'group'; readonly record: GroupRecord }
  | { readonly kind: 'servicePrincipal'; readonly record: ServicePrincipalRecord };
