/**
 * @module Seeded events: a fixed number per user spread over the last 90 days, generated already in time
 * order (one time slot per event) so ids and created_at grow together without sorting.
 * Logins also set the user's last_login and bump updated_at, as real logins do.
 */

import type { Random } from '@switchboard/sim-kit';
import type { Directory } from './directory.js';
import { EventType } from './event-types.js';
import type { UserRecord } from './records.js';

const DAY = 86_400_000;
export const EVENTS_PER_USER = 4;
const WINDOW = 90 * DAY;

const NOTES_LOGIN = 'Authentication method: Login App.\nTransitions: username -> password';
const NOTES_SAML = 'Initiated by OneLogin via SAML';

/** Weighted event mix for users who can log in. */
const ACTIVE_MIX: readonly number[] = [
  ...Array<number>(9).fill(EventType.loggedIn),
  ...Array<number>(6).fill(EventType.appLogin),
  EventType.loggedOut,
  EventType.loggedOut,
  EventType.failedLogin,
  EventType.failedLogin,
  EventType.failedAppLogin,
  EventType.loginChallenge,
  EventType.loginChallenge,
  EventType.changedPassword,
  EventType.updatedUser,
  EventType.userAssignedRole,
];
/** Users who never activated only appear in admin events and failed logins. */
const PENDING_MIX: readonly number[] = [EventType.createdUser, EventType.updatedUser, EventType.failedLogin];
const SELF_ACTED = new Set<number>([
  EventType.loggedIn,
  EventType.appLogin,
  EventType.loggedOut,
  EventType.failedLogin,
  EventType.failedAppLogin,
  EventType.loginChallenge,
  EventType.changedPassword,
  EventType.userLocked,
]);

export function seedEvents(directory: Directory, random: Random, now: number): void {
  const users = directory.users.items;
  if (users.length === 0) return;
  const total = users.length * EVENTS_PER_USER;
  const slot = WINDOW / total;
  const start = now - WINDOW;
  const order = shuffledIndexes(users.length, random);
  const names = users.map((user) => directory.displayName(user));
  const ips = Array.from(
    { length: 256 },
    () => `${random.int(11, 223)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
  );
  const owner = directory.users.get(directory.ownerId);
  const ownerName = owner === undefined ? null : directory.displayName(owner);
  for (let n = 0; n < total; n += 1) {
    const index = order[n % users.length] as number;
    const user = users[index] as UserRecord;
    const at = Math.floor(start + (n + random.next()) * slot);
    const lastRound = Math.floor(n / users.length) === EVENTS_PER_USER - 1;
    const typeId = pickType(user, lastRound, random);
    const selfActed = SELF_ACTED.has(typeId);
    const isLogin = typeId === EventType.loggedIn || typeId === EventType.appLogin;
    directory.appendEvent(
      {
        event_type_id: typeId,
        user_id: user.id,
        user_name: names[index] ?? null,
        actor_user_id: selfActed ? user.id : directory.ownerId,
        actor_user_name: selfActed ? (names[index] ?? null) : ownerName,
        actor_system: '',
        app_id:
          typeId === EventType.appLogin || typeId === EventType.failedAppLogin
            ? random.pick(directory.apps.items).id
            : null,
        role_id:
          typeId === EventType.userAssignedRole
            ? (user.role_ids[0] ?? directory.roles.items[0]?.id ?? null)
            : null,
        group_id: null,
        ipaddr: random.pick(ips),
        risk_score: selfActed ? riskScore(random) : null,
        notes: typeId === EventType.appLogin ? NOTES_SAML : isLogin ? NOTES_LOGIN : null,
        client_id: null,
        directory_id: user.directory_id,
      },
      at,
    );
    if (typeId === EventType.loggedIn) {
      user.last_login = at;
      user.updated_at = Math.max(user.updated_at, at + 300);
    }
  }
}

function pickType(user: UserRecord, lastRound: boolean, random: Random): number {
  if (user.status === 0 || user.status === 7) return random.pick(PENDING_MIX);
  // A locked user's most recent event is the lock itself.
  if (user.status === 3 && lastRound) return EventType.userLocked;
  return random.pick(ACTIVE_MIX);
}

function riskScore(random: Random): number {
  return random.chance(0.1) ? random.int(50, 95) : random.int(0, 30);
}

function shuffledIndexes(length: number, random: Random): Uint32Array {
  const order = new Uint32Array(length);
  for (let i = 0; i < length; i += 1) order[i] = i;
  for (let i = length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return order;
}
