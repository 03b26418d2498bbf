/**
 * @module Deterministic seeding for a `seed`: users in every status (the awkward cases at fixed indexes),
 * groups of the three types with memberships, admin role assignments and ~90 days of System Log events.
 * Times are relative to `now`.
 */
import { createRandom, FIRST_NAMES, insertId, LAST_NAMES, type Random } from '@switchboard/sim-kit';
import { ROLE_LABELS, ROLE_TYPES } from './admin-roles.js';
import { Directory } from './directory.js';
import { appTarget, groupTarget, logEvent, SYSTEM_ACTOR, userActor, userTarget } from './log-events.js';
import type { GroupRecord, UserRecord, UserStatus } from './records.js';

const DAY = 86_400_000;

export interface SeedOptions {
  readonly users: number;
  readonly seed: number;
  readonly now: number;
}

/**
 * The token owner (Ann Lee, ACTIVE, SUPER_ADMIN): index 10, so the first users listed are ordinary ones (as in a
 * real org, where the admin is rarely the first user created); index 0 in orgs of ten users or fewer.
 */
export function ownerIndex(users: number): number {
  return users > 10 ? 10 : 0;
}

/** Statuses at fixed indexes so even a tiny org holds each (index 0 is ACTIVE). */
const FIXED_STATUSES: readonly UserStatus[] = [
  'ACTIVE',
  'STAGED',
  'PROVISIONED',
  'RECOVERY',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
  'SUSPENDED',
  'DEPROVISIONED',
  'ACTIVE',
  'DEPROVISIONED',
];

const TITLES = ['Engineer', 'Senior Engineer', 'Manager', 'Director', 'Designer', 'Analyst', null];
const DEPARTMENTS = ['Engineering', 'Sales', 'Marketing', 'Finance', 'Support', 'R&D', null];
const GROUP_NAMES = [
  'Engineering',
  'Sales',
  'Contractors',
  '東京チーム',
  'Admins ✓',
  'Finance & Legal',
  'Empty Group',
];

function randomStatus(random: Random): UserStatus {
  const roll = random.next();
  if (roll < 0.78) return 'ACTIVE';
  if (roll < 0.82) return 'STAGED';
  if (roll < 0.86) return 'PROVISIONED';
  if (roll < 0.88) return 'RECOVERY';
  if (roll < 0.9) return 'LOCKED_OUT';
  if (roll < 0.92) return 'PASSWORD_EXPIRED';
  if (roll < 0.95) return 'SUSPENDED';
  return 'DEPROVISIONED';
}

function seedUser(
  directory: Directory,
  index: number,
  owner: boolean,
  random: Random,
  now: number,
): UserRecord {
  const status = owner ? 'ACTIVE' : (FIXED_STATUSES[index] ?? randomStatus(random));
  const first = owner ? { display: 'Ann', slug: 'ann' } : random.pick(FIRST_NAMES);
  const last = owner ? { display: 'Lee', slug: 'lee' } : random.pick(LAST_NAMES);
  const domain = random.chance(0.8) ? 'example.com' : 'example.org';
  const login = `${first.slug}.${last.slug}${owner ? '' : `.${index}`}@${domain}`;
  const created = now - random.int(91, 3 * 365) * DAY - random.int(0, DAY);
  const neverActivated = status === 'STAGED' || status === 'PROVISIONED';
  const hasPassword = !neverActivated && status !== 'RECOVERY';
  const activated = neverActivated ? null : created + random.int(1, 5) * 3_600_000;
  const statusChanged = status === 'STAGED' ? null : created + random.int(1, 60) * DAY;
  const lastLogin =
    hasPassword && random.chance(0.85) ? now - random.int(0, 89) * DAY - random.int(0, DAY) : null;
  const lastUpdated = Math.max(
    statusChanged ?? created,
    lastLogin ?? created,
    created + random.int(0, 30) * DAY,
  );
  // Index 9 keeps only the required profile (optional attributes null), as Okta returns them.
  const sparse = index === 9;
  return {
    id: directory.nextUserId(),
    status,
    created,
    activated,
    statusChanged,
    lastLogin,
    lastUpdated: Math.min(lastUpdated, now - 60_000),
    passwordChanged: hasPassword ? (activated ?? created) + random.int(0, 30) * DAY : null,
    hasPassword,
    hasRecoveryQuestion: hasPassword && random.chance(0.5),
    profile: {
      firstName: first.display,
      lastName: last.display,
      mobilePhone:
        sparse || random.chance(0.4) ? null : `+1-555-01${String(random.int(0, 99)).padStart(2, '0')}`,
      secondEmail: sparse || random.chance(0.8) ? null : `${first.slug}.${last.slug}@personal.example`,
      login,
      email: login,
      ...(sparse ? {} : { title: random.pick(TITLES), department: random.pick(DEPARTMENTS) }),
      ...(random.chance(0.2) ? { displayName: `${first.display} ${last.display}` } : {}),
      ...(sparse
        ? {}
        : { employeeNumber: String(10_000 + index), costCenter: random.pick(['CC-100', 'CC-200', null]) }),
    },
  };
}

function seedGroups(directory: Directory, users: readonly UserRecord[], random: Random, now: number): void {
  const group = (type: GroupRecord['type'], name: string, description: string | null): GroupRecord => ({
    id: directory.nextGroupId(),
    type,
    created: now - 3 * 365 * DAY,
    lastUpdated: now - random.int(30, 300) * DAY,
    lastMembershipUpdated: now - random.int(1, 30) * DAY,
    profile: { name, description },
    members: [],
    sourceId: type === 'APP_GROUP' ? directory.appId : null,
  });
  const everyone = group('BUILT_IN', 'Everyone', 'All users in your organization');
  for (const user of users) everyone.members.push(user.id);
  directory.groups.insert(everyone);
  for (const name of GROUP_NAMES) {
    const okta = group('OKTA_GROUP', name, random.chance(0.7) ? `${name} team` : null);
    if (name !== 'Empty Group') {
      for (const user of users) if (random.chance(0.25)) insertId(okta.members, user.id);
    }
    directory.groups.insert(okta);
  }
  const domainUsers = group('APP_GROUP', 'Domain Users', 'All domain users');
  domainUsers.profile['windowsDomainQualifiedName'] = 'CORP\\Domain Users';
  for (const user of users) if (random.chance(0.3)) insertId(domainUsers.members, user.id);
  directory.groups.insert(domainUsers);
}

function seedRoles(directory: Directory, users: readonly UserRecord[], random: Random, now: number): void {
  const assign = (user: UserRecord, type: string, assignmentType: 'USER' | 'GROUP') => {
    const created = now - random.int(1, 300) * DAY;
    directory.rolesOf(user.id).push({
      id: directory.nextRoleAssignmentId(),
      type,
      label: ROLE_LABELS[type] ?? type,
      created,
      lastUpdated: created,
      assignmentType,
    });
  };
  users.forEach((user, index) => {
    if (index === ownerIndex(users.length)) assign(user, 'SUPER_ADMIN', 'USER');
    // A deactivated admin: its assignment must still be listed.
    else if (index === 7) assign(user, 'READ_ONLY_ADMIN', 'USER');
    else if (index === 8) {
      assign(user, 'ORG_ADMIN', 'USER');
      assign(user, 'HELP_DESK_ADMIN', 'GROUP');
    } else if (random.chance(0.08)) {
      assign(
        user,
        random.pick(ROLE_TYPES.filter((type) => type !== 'SUPER_ADMIN')),
        random.chance(0.2) ? 'GROUP' : 'USER',
      );
    }
  });
}

function seedLogs(directory: Directory, users: readonly UserRecord[], random: Random, now: number): void {
  const owner = users[ownerIndex(users.length)] as UserRecord;
  const groups = directory.groups.items.filter((group) => group.type === 'OKTA_GROUP');
  const pending: { published: number; event: ReturnType<typeof logEvent> }[] = [];
  for (const user of users) {
    for (let i = 0; i < 4; i += 1) {
      const published = now - random.int(60, (89 * DAY) / 1000) * 1000 - random.int(0, 999);
      const roll = random.next();
      const self = userActor(user);
      const input =
        roll < 0.35
          ? { eventType: 'user.session.start', actor: self, target: null }
          : roll < 0.43
            ? {
                eventType: 'user.session.start',
                actor: self,
                target: null,
                result: 'FAILURE',
                reason: 'INVALID_CREDENTIALS',
              }
            : roll < 0.55
              ? { eventType: 'user.session.end', actor: self, target: null }
              : roll < 0.68
                ? {
                    eventType: 'user.authentication.sso',
                    actor: self,
                    target: [appTarget(directory.appId, 'Salesforce')],
                    result: random.chance(0.9) ? 'SUCCESS' : 'FAILURE',
                  }
                : roll < 0.72
                  ? {
                      eventType: 'user.authentication.auth_via_mfa',
                      actor: self,
                      target: [userTarget(user)],
                      result: 'FAILURE',
                    }
                  : roll < 0.78
                    ? {
                        eventType: 'policy.evaluate_sign_on',
                        actor: self,
                        target: [appTarget(directory.appId, 'Salesforce')],
                        result: 'ALLOW',
                      }
                    : roll < 0.84
                      ? {
                          eventType: 'user.account.update_profile',
                          actor: userActor(owner),
                          target: [userTarget(user)],
                        }
                      : roll < 0.88
                        ? {
                            eventType: 'group.user_membership.add',
                            actor: userActor(owner),
                            target: [userTarget(user), groupTarget(random.pick(groups))],
                          }
                        : roll < 0.91
                          ? { eventType: 'user.mfa.factor.activate', actor: self, target: [userTarget(user)] }
                          : roll < 0.94
                            ? {
                                eventType: 'user.account.lock',
                                actor: SYSTEM_ACTOR,
                                target: [userTarget(user)],
                              }
                            : roll < 0.97
                              ? {
                                  eventType: 'user.account.privilege.grant',
                                  actor: userActor(owner),
                                  target: [userTarget(user)],
                                }
                              : {
                                  eventType: 'user.lifecycle.create',
                                  actor: userActor(owner),
                                  target: [userTarget(user)],
                                };
      pending.push({ published, event: logEvent(input, random) });
    }
  }
  pending.sort((a, b) => a.published - b.published);
  for (const { published, event } of pending) directory.appendLog(event, published);
}

export function seedDirectory(options: SeedOptions): Directory {
  const random = createRandom(options.seed);
  const directory = new Directory(options.seed);
  const users: UserRecord[] = [];
  for (let index = 0; index < options.users; index += 1) {
    const user = seedUser(directory, index, index === ownerIndex(options.users), random, options.now);
    directory.users.insert(user);
    users.push(user);
  }
  directory.ownerId = users[ownerIndex(users.length)]?.id ?? '';
  seedGroups(directory, users, random, options.now);
  seedRoles(directory, users, random, options.now);
  if (users.length > 0) seedLogs(directory, users, random, options.now);
  return directory;
}
