/**
 * @module Test support: what the unified Entra records must be, derived from the simulator's stored data by the
 * decisions of entra-api.md §8 (and integrations/README.md) — never from the mapping's own output.
 */
import type { DirectoryAuditRecord, SignInRecord, UserRecord } from '@switchboard/sim-entra';

type Unified = Record<string, unknown>;

/** §8.2: disabled wins; a guest who has not accepted reads invited; everyone else is active. */
export function expectedStatus(
  user: Pick<UserRecord, 'accountEnabled' | 'userType' | 'externalUserState'>,
): string {
  if (!user.accountEnabled) return 'suspended';
  if (user.userType === 'Guest' && user.externalUserState === 'PendingAcceptance') return 'invited';
  return 'active';
}

const text = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : value;

/** Drops the keys whose value is `undefined`, as a JSON answer would. */
function defined(record: Unified): Unified {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** §8.1, without the `groups`/`roles` that only a get (or `expand`) adds. */
export function expectedUser(user: UserRecord): Unified {
  const phones = [
    ...user.businessPhones.map((number) => ({ number, type: 'work' })),
    ...(user.mobilePhone ? [{ number: user.mobilePhone, type: 'mobile' }] : []),
  ];
  return defined({
    id: user.id,
    external_id: text(user.employeeId),
    username: user.userPrincipalName,
    first_name: text(user.givenName),
    last_name: text(user.surname),
    name: text(user.displayName),
    title: text(user.jobTitle),
    department: text(user.department),
    company: text(user.companyName),
    emails: user.mail ? [{ email: user.mail, type: 'work', is_primary: true }] : undefined,
    phones: phones.length > 0 ? phones : undefined,
    status: expectedStatus(user),
    created_at: text(user.createdDateTime),
  });
}

const AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  'Add user': 'user_created',
  'Create User': 'user_created',
  'Update user': 'user_updated',
  'Delete user': 'user_deleted',
  'Hard Delete user': 'user_deleted',
  'Disable account': 'user_suspended',
  'Enable account': 'user_reactivated',
  'Restore user': 'user_reactivated',
  'Invite external user': 'user_invited',
  'Change user password': 'password_changed',
  'Reset password': 'password_reset_requested',
  'User registered security info': 'mfa_enrolled',
  'Admin registered security info': 'mfa_enrolled',
  'User deleted security info': 'mfa_removed',
  'Admin deleted security info': 'mfa_removed',
  'Add group': 'group_created',
  'Update group': 'group_updated',
  'Delete group': 'group_deleted',
  'Hard Delete group': 'group_deleted',
  'Add member to group': 'group_member_added',
  'Remove member from group': 'group_member_removed',
  'Add member to role': 'role_assigned',
  'Add scoped member to role': 'role_assigned',
  'Add role assignment to role definition': 'role_assigned',
  'Remove member from role': 'role_unassigned',
  'Remove scoped member from role': 'role_unassigned',
  'Remove role assignment from role definition': 'role_unassigned',
  'Add role definition': 'role_created',
  'Delete role definition': 'role_deleted',
};

export function expectedAuditAction(audit: DirectoryAuditRecord): string {
  return audit.result === 'success' ? (AUDIT_ACTIONS[audit.activityDisplayName] ?? 'other') : 'other';
}

const TARGET_TYPES: Readonly<Record<string, string>> = { User: 'user', Group: 'group', Role: 'role' };

export function expectedAudit(audit: DirectoryAuditRecord): Unified {
  const user = audit.initiatedBy.user;
  const app = audit.initiatedBy.app;
  const target = audit.targetResources[0];
  return defined({
    id: audit.id,
    action: expectedAuditAction(audit),
    description: audit.activityDisplayName,
    actor: user
      ? { type: 'user', id: user.id, name: user.displayName ?? user.userPrincipalName }
      : app
        ? { type: 'system', id: app.appId, name: app.displayName }
        : undefined,
    target: target
      ? defined({
          type: TARGET_TYPES[target.type] ?? 'other',
          id: target.id,
          name: target.displayName ?? target.userPrincipalName ?? undefined,
        })
      : undefined,
    context: user?.ipAddress ? { ip_address: user.ipAddress } : undefined,
    created_at: new Date(audit.activityDateTime).toISOString(),
  });
}

export function expectedSignIn(signIn: SignInRecord): Unified {
  const ok = signIn.errorCode === 0;
  const { city, state, countryOrRegion } = signIn.location;
  return {
    id: signIn.id,
    action: ok ? 'login' : 'login_failed',
    description: `${signIn.userDisplayName} ${ok ? 'signed in to' : 'failed to sign in to'} ${signIn.appDisplayName}`,
    actor: { type: 'user', id: signIn.userId, name: signIn.userDisplayName },
    target: { type: 'app', id: signIn.appId, name: signIn.appDisplayName },
    context: { ip_address: signIn.ipAddress, location: `${city}, ${state}, ${countryOrRegion}` },
    created_at: new Date(signIn.createdDateTime).toISOString(),
  };
}

/** Every activity the simulator holds, newest first (ties: the audit log first, then by id descending). */
export function expectedActivities(
  audits: readonly DirectoryAuditRecord[],
  signIns: readonly SignInRecord[],
) {
  const all = [
    ...audits.map((audit) => ({
      at: audit.activityDateTime,
      source: 0,
      id: audit.id,
      record: expectedAudit(audit),
    })),
    ...signIns.map((signIn) => ({
      at: signIn.createdDateTime,
      source: 1,
      id: signIn.id,
      record: expectedSignIn(signIn),
    })),
  ];
  return all
    .sort((a, b) => b.at - a.at || a.source - b.source || (a.id < b.id ? 1 : -1))
    .map((entry) => entry.record);
}
