/**
 * @module Seeded logs: directory audits (every activity of the unified table, some failures, some outside the
 * table) and sign-ins (successes and failures with real AADSTS error codes), spread over the last 30 days,
 * which is how long Entra keeps them.
 */
import type { Random } from '@switchboard/sim-kit';
import {
  type AuditIds,
  auditEntry,
  byApp,
  byUser,
  groupTarget,
  roleTarget,
  userTarget,
} from '../audit/audit-entry.js';
import { guidFrom } from './guid.js';
import type {
  ClientApp,
  DirectoryAuditRecord,
  GroupRecord,
  RoleDefinitionRecord,
  SignInRecord,
  UserRecord,
} from './records.js';

const DAY = 86_400_000;
const WINDOW = 30 * DAY;

const USER_ACTIVITIES = [
  'Add user',
  'Create User',
  'Update user',
  'Update user',
  'Disable account',
  'Enable account',
  'Restore user',
  'Change user password',
  'Reset password',
  'Invite external user',
  'User registered security info',
  'Admin registered security info',
  'User deleted security info',
  'Admin deleted security info',
  'Delete user',
  'Hard Delete user',
];
const GROUP_ACTIVITIES = [
  'Add group',
  'Update group',
  'Delete group',
  'Hard Delete group',
  'Add member to group',
  'Remove member from group',
];
const ROLE_ACTIVITIES = [
  'Add member to role',
  'Remove member from role',
  'Add scoped member to role',
  'Remove scoped member from role',
  'Add role assignment to role definition',
  'Remove role assignment from role definition',
  'Add role definition',
  'Delete role definition',
];
const OTHER_ACTIVITIES = ['Update application', 'Consent to application', 'Update policy'];

export const SIGN_IN_APPS: readonly { readonly appId: string; readonly name: string }[] = [
  { appId: '72782ba9-4490-4f03-8d82-562370ea3566', name: 'Office 365' },
  { appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', name: 'Azure Portal' },
  { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', name: 'Microsoft Teams' },
  { appId: '27922004-5251-4030-b22d-91ecd9a37ea4', name: 'Outlook Mobile' },
];

const FAILURES: readonly { readonly code: number; readonly reason: string }[] = [
  { code: 50126, reason: 'Error validating credentials due to invalid username or password.' },
  {
    code: 50053,
    reason:
      'Account is locked because user tried to sign in too many times with an incorrect user ID or password.',
  },
  { code: 50074, reason: 'Strong Authentication is required.' },
];
const DISABLED = {
  code: 50057,
  reason: 'User account is disabled. The account has been disabled by an administrator.',
};

const LOCATIONS = [
  { city: 'Seattle', state: 'Washington', countryOrRegion: 'US', latitude: 47.6, longitude: -122.33 },
  { city: 'London', state: 'England', countryOrRegion: 'GB', latitude: 51.51, longitude: -0.13 },
  { city: 'Tokyo', state: 'Tokyo', countryOrRegion: 'JP', latitude: 35.68, longitude: 139.69 },
  { city: 'São Paulo', state: 'São Paulo', countryOrRegion: 'BR', latitude: -23.55, longitude: -46.63 },
  { city: 'Berlin', state: 'Berlin', countryOrRegion: 'DE', latitude: 52.52, longitude: 13.4 },
];

const LETTERS = [...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'];

export function seededAuditIds(random: Random): AuditIds {
  const letter = () => random.pick(LETTERS);
  return {
    guid: () => guidFrom(random),
    suffix: () =>
      `${letter()}${letter()}${letter()}${letter()}${letter()}_${random.int(10_000_000, 99_999_999)}`,
  };
}

export function seedAudits(
  random: Random,
  users: readonly UserRecord[],
  groups: readonly GroupRecord[],
  roles: readonly RoleDefinitionRecord[],
  app: ClientApp,
  now: number,
): DirectoryAuditRecord[] {
  const ids = seededAuditIds(random);
  const admin = users[0];
  const audits: DirectoryAuditRecord[] = [];
  const when = () => now - random.int(60_000, WINDOW - 60_000);
  const initiator = (subject: UserRecord | undefined) =>
    admin !== undefined && random.chance(0.6)
      ? byUser(admin, `203.0.113.${random.int(1, 254)}`)
      : subject !== undefined && random.chance(0.3)
        ? byUser(subject, `198.51.100.${random.int(1, 254)}`)
        : byApp(app);
  for (const user of users) {
    const count = random.int(1, 3);
    for (let n = 0; n < count; n++) {
      const failed = random.chance(0.04);
      audits.push(
        auditEntry(
          {
            activity: random.pick(USER_ACTIVITIES),
            at: when(),
            initiatedBy: initiator(user),
            targets: [userTarget(user)],
            ...(failed ? { result: 'failure' as const, resultReason: 'Insufficient privileges' } : {}),
          },
          ids,
        ),
      );
    }
  }
  for (const group of groups) {
    for (const activity of GROUP_ACTIVITIES) {
      const member = users.find((user) => group.members.includes(user.id));
      const targets =
        activity.includes('member') && member !== undefined
          ? [groupTarget(group), userTarget(member)]
          : [groupTarget(group)];
      if (random.chance(0.5))
        audits.push(auditEntry({ activity, at: when(), initiatedBy: initiator(undefined), targets }, ids));
    }
  }
  for (const activity of ROLE_ACTIVITIES) {
    for (let n = 0; n < 3; n++) {
      const role = random.pick(roles);
      const subject = random.pick(users.length > 0 ? users : ([] as UserRecord[]));
      const targets =
        activity.includes('definition') && !activity.includes('assignment')
          ? [roleTarget(role)]
          : subject === undefined
            ? [roleTarget(role)]
            : [roleTarget(role), userTarget(subject)];
      audits.push(auditEntry({ activity, at: when(), initiatedBy: initiator(undefined), targets }, ids));
    }
  }
  for (const activity of OTHER_ACTIVITIES) {
    audits.push(auditEntry({ activity, at: when(), initiatedBy: byApp(app), targets: [] }, ids));
  }
  return audits.sort((a, b) => a.activityDateTime - b.activityDateTime || (a.id < b.id ? -1 : 1));
}

export function seedSignIns(random: Random, users: readonly UserRecord[], now: number): SignInRecord[] {
  const signIns: SignInRecord[] = [];
  for (const user of users) {
    const count = random.int(2, 5);
    for (let n = 0; n < count; n++) {
      const app = random.pick(SIGN_IN_APPS);
      const failure = !user.accountEnabled ? DISABLED : random.chance(0.15) ? random.pick(FAILURES) : null;
      const location = random.pick(LOCATIONS);
      signIns.push({
        id: guidFrom(random),
        createdDateTime: now - random.int(60_000, WINDOW - 60_000),
        userDisplayName: user.displayName,
        userPrincipalName: user.userPrincipalName,
        userId: user.id,
        appId: app.appId,
        appDisplayName: app.name,
        ipAddress: `192.0.2.${random.int(1, 254)}`,
        clientAppUsed: random.pick(['Browser', 'Mobile Apps and Desktop clients']),
        correlationId: guidFrom(random),
        conditionalAccessStatus: failure === null ? 'success' : 'notApplied',
        isInteractive: random.chance(0.8),
        riskLevelDuringSignIn: 'none',
        errorCode: failure === null ? 0 : failure.code,
        failureReason: failure === null ? 'Other.' : failure.reason,
        location,
        browser: random.pick(['Edge 120.0.0', 'Chrome 121.0.0', 'Safari 17.2']),
        operatingSystem: random.pick(['Windows 10', 'MacOs', 'Ios', 'Android']),
      });
    }
  }
  return signIns.sort((a, b) => a.createdDateTime - b.createdDateTime || (a.id < b.id ? -1 : 1));
}
