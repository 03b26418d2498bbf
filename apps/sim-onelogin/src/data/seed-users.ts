/**
 * @module Seeded users. The first twenty are fixed awkward cases (owner and manager chain, every status and
 * state, no roles or group, username-only, unicode, AD-synced); the rest are drawn from the pools.
 */

import type { Random } from '@switchboard/sim-kit';
import type { Directory } from './directory.js';
import {
  COMPANIES,
  COST_CENTERS,
  DEPARTMENTS,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  FOODS,
  LAST_NAMES,
  LOCALES,
  type PooledName,
  TITLES,
} from './name-pools.js';
import type { UserRecord } from './records.js';

const DAY = 86_400_000;
const FIRST_USER_ID = 40_000_001;
/** Every documented status except 6 (unused), and every state, pinned to fixed indexes. */
const PINNED_STATUSES = [0, 1, 2, 3, 4, 5, 7, 8];
const PINNED_STATES = [0, 1, 2, 3];
const COMMON_STATUSES = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 7, 0];

interface Shape {
  first: PooledName;
  last: PooledName;
  status: number;
  state: number;
  managerIndex: number | null;
  roleless: boolean;
  groupless: boolean;
  usernameMode: 'set' | 'empty' | 'only';
  adSynced: boolean;
}

export function seedUsers(directory: Directory, count: number, random: Random, now: number): void {
  const createdFrom = now - 3 * 365 * DAY;
  const createdSpan = 3 * 365 * DAY - 91 * DAY;
  const roleIds = directory.roles.items.map((role) => role.id);
  const groupIds = directory.groups.items.map((group) => group.id);
  let id = FIRST_USER_ID;
  for (let index = 0; index < count; index += 1) {
    const shape = shapeOf(index, random);
    const createdAt = Math.floor(
      createdFrom + (index / Math.max(count, 1)) * createdSpan + random.int(0, DAY),
    );
    directory.addUser(buildUser(id, index, shape, createdAt, now, random, directory, roleIds, groupIds));
    // Gaps between ids: clients must not assume ids are dense.
    id += random.int(1, 7);
  }
  directory.ownerId = directory.users.items[0]?.id ?? 0;
}

function shapeOf(index: number, random: Random): Shape {
  const shape: Shape = {
    first: random.pick(FIRST_NAMES),
    last: random.pick(LAST_NAMES),
    status: random.pick(COMMON_STATUSES),
    state: random.chance(0.96) ? 1 : random.pick(PINNED_STATES),
    managerIndex: index > 0 && random.chance(0.75) ? random.int(0, Math.min(index, 50) - 1) : null,
    roleless: random.chance(0.08),
    groupless: random.chance(0.2),
    usernameMode: random.chance(0.3) ? 'empty' : 'set',
    adSynced: random.chance(0.15),
  };
  if (index === 0)
    return { ...shape, first: named('Ann'), last: named('Lee'), status: 1, state: 1, managerIndex: null };
  if (index <= 3) return { ...shape, status: 1, state: 1, managerIndex: index - 1 };
  const statusAt = index - 4;
  if (statusAt < PINNED_STATUSES.length)
    return { ...shape, status: PINNED_STATUSES[statusAt] as number, state: 1 };
  const stateAt = index - 12;
  if (stateAt < PINNED_STATES.length) return { ...shape, status: 1, state: PINNED_STATES[stateAt] as number };
  if (index === 16)
    return { ...shape, roleless: true, groupless: true, usernameMode: 'empty', adSynced: false };
  if (index === 17) return { ...shape, usernameMode: 'only' };
  if (index === 18) return { ...shape, first: named('Zoë'), last: named('Ødegaard') };
  if (index === 19) return { ...shape, adSynced: true, status: 1 };
  return shape;
}

function named(display: string): PooledName {
  return [...FIRST_NAMES, ...LAST_NAMES].find((name) => name.display === display) as PooledName;
}

function buildUser(
  id: number,
  index: number,
  shape: Shape,
  createdAt: number,
  now: number,
  random: Random,
  directory: Directory,
  roleIds: readonly number[],
  groupIds: readonly number[],
): UserRecord {
  const local = index === 0 ? 'ann.lee' : `${shape.first.slug}.${shape.last.slug}${index}`;
  const domain = index === 0 ? 'example.com' : random.pick(EMAIL_DOMAINS);
  const activated = shape.status !== 0 && shape.status !== 7;
  const activatedAt = activated ? createdAt + random.int(60_000, 3 * DAY) : null;
  const username = shape.usernameMode === 'empty' ? '' : local;
  const manager =
    shape.managerIndex === null ? null : (directory.users.items[shape.managerIndex]?.id ?? null);
  return {
    id,
    username,
    email: shape.usernameMode === 'only' ? null : `${local}@${domain}`,
    firstname: shape.first.display,
    lastname: shape.last.display,
    title: index === 0 ? 'CEO' : random.pick(TITLES),
    department: random.pick(DEPARTMENTS),
    company: random.pick(COMPANIES),
    comment: random.chance(0.05) ? 'Contractor until end of quarter' : '',
    phone: random.chance(0.4) ? '' : `+1415555${String(random.int(0, 9999)).padStart(4, '0')}`,
    group_id: shape.groupless ? null : random.pick(groupIds),
    role_ids: shape.roleless ? [] : pickRoles(index, roleIds, random),
    state: shape.state,
    status: shape.status,
    directory_id: shape.adSynced ? 100 : null,
    trusted_idp_id: null,
    distinguished_name: shape.adSynced
      ? `CN=${shape.first.display} ${shape.last.display},OU=Users,DC=acme,DC=local`
      : null,
    samaccountname: shape.adSynced ? `${shape.first.slug}${index}` : null,
    userprincipalname: shape.adSynced ? `${local}@acme.local` : null,
    member_of: shape.adSynced ? 'CN=Staff,OU=Groups,DC=acme,DC=local' : null,
    manager_ad_id: shape.adSynced && manager !== null ? String(manager) : null,
    manager_user_id: manager,
    external_id: random.chance(0.5) ? `ext-${String(index).padStart(6, '0')}` : null,
    openid_name: username !== '' ? username : local,
    locale_code: null,
    preferred_locale_code: random.pick(LOCALES),
    activated_at: activatedAt,
    created_at: createdAt,
    updated_at: createdAt + Math.floor(random.next() * (now - DAY - createdAt)),
    last_login: null,
    invitation_sent_at: random.chance(0.5) ? createdAt - 60_000 : null,
    password_changed_at: activatedAt,
    locked_until: shape.status === 3 ? now + random.int(1, 48) * 3_600_000 : null,
    invalid_login_attempts: shape.status === 3 ? 5 : random.chance(0.9) ? 0 : null,
    custom_attributes: {
      employee_number: random.chance(0.9) ? `E${String(index).padStart(6, '0')}` : null,
      cost_center: random.pick(COST_CENTERS),
      food: random.pick(FOODS),
    },
    has_password: activated,
  };
}

/** Most users hold "Default" (the first role) plus up to two others; the last role is left unused. */
function pickRoles(index: number, roleIds: readonly number[], random: Random): number[] {
  const picked: number[] = [];
  if (index === 0 || random.chance(0.85)) picked.push(roleIds[0] as number);
  if (index === 0) picked.push(roleIds[4] as number);
  // Extras come from roles 1..n-2: never "Default" twice, never the last ("Unused Role").
  const extra = random.int(0, 2);
  for (let n = 0; n < extra; n += 1) {
    const id = roleIds[random.int(1, roleIds.length - 2)] as number;
    if (!picked.includes(id)) picked.push(id);
  }
  return picked.sort((a, b) => a - b);
}
