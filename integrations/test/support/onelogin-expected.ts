/**
 * @module Test support: what the unified records must be, derived from the simulator's own stored data by the
 * rules written down in the reference and `integrations/README.md` — never from the mapping's output.
 */
import type { EventRecord, RoleRecord, UserRecord } from '@switchboard/sim-onelogin';
import { iso } from './onelogin-sim.js';

type Unified = Record<string, unknown>;

/** Reference §6.2 with the README's choices: `state` 2 (rejected) reads suspended whatever the status. */
export function expectedStatus(status: number, state: number): string | undefined {
  if (state === 2) return 'suspended';
  if (status === 1) return 'active';
  if (status === 0 || status === 7) return 'invited';
  if (status === 2) return 'suspended';
  if ([3, 4, 5, 8].includes(status)) return 'locked';
  return undefined;
}

const text = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : value;

/** Drops the keys whose value is `undefined`, as a JSON answer would. */
function defined(record: Unified): Unified {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

export function expectedUser(user: UserRecord): Unified {
  const first = text(user.firstname);
  const last = text(user.lastname);
  const custom = Object.fromEntries(
    Object.entries(user.custom_attributes).filter(([, value]) => value !== null && value !== ''),
  );
  return defined({
    id: String(user.id),
    external_id: text(user.external_id),
    username: text(user.username),
    first_name: first,
    last_name: last,
    name: text([first, last].filter((part) => part !== undefined).join(' ')),
    title: text(user.title),
    department: text(user.department),
    company: text(user.company),
    emails: text(user.email) ? [{ email: user.email, type: 'work', is_primary: true }] : undefined,
    phones: text(user.phone) ? [{ number: user.phone, type: 'work' }] : undefined,
    status: expectedStatus(user.status, user.state),
    manager: user.manager_user_id === null ? undefined : { id: String(user.manager_user_id) },
    groups: user.group_id === null ? undefined : [{ id: String(user.group_id) }],
    roles: user.role_ids.map((id) => ({ id: String(id) })),
    custom_fields: Object.keys(custom).length > 0 ? custom : undefined,
    last_login_at: user.last_login === null ? undefined : iso(user.last_login),
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
  });
}

export function expectedRole(role: RoleRecord): Unified {
  return defined({ id: String(role.id), name: text(role.name) });
}

/**
 * The unified action of every event type the simulator emits (reference §9.3 names → the unified action
 * list). A type missing here makes the activities test fail, so a new simulator event type is noticed.
 */
export const ACTION_OF_TYPE: Readonly<Record<number, string>> = {
  4: 'role_assigned', // USER_ASSIGNED_ROLE
  5: 'login', // USER_LOGGED_INTO_ONELOGIN
  6: 'login_failed', // USER_FAILED_ONELOGIN_LOGIN
  7: 'logout', // USER_LOGGED_OUT_OF_ONELOGIN
  8: 'app_login', // USER_LOGGED_INTO_APP
  9: 'app_login_failed', // USER_FAILED_APP_LOGIN
  11: 'password_changed', // USER_CHANGED_PASSWORD
  12: 'user_unlocked', // UNLOCKED_USER
  13: 'user_created', // CREATED_USER
  14: 'user_updated', // UPDATED_USER
  17: 'user_deleted', // DELETED_USER
  19: 'user_locked', // USER_LOCKED
  147: 'role_assigned', // USER_MANUALLY_ADDED_TO_ROLE
  148: 'role_unassigned', // USER_MANUALLY_REMOVED_FROM_ROLE
  511: 'password_changed', // API_SET_PWD_CLEAR_TEXT
  513: 'role_assigned', // API_ADD_ROLES
  514: 'role_unassigned', // API_REMOVE_ROLES
  529: 'user_updated', // API_UPDATE_USER
  530: 'user_deleted', // API_DESTROY_USER
  531: 'user_locked', // API_LOCK_USER
  533: 'user_created', // API_CREATE_USER
  550: 'logout', // FORCE_LOGOUT_USER
  554: 'user_unlocked', // UNLOCKED_USER_VIA_API
  1001: 'other', // USER_LOGIN_CHALLENGE: no unified action
  1801: 'role_created', // ROLE_CREATED
  1802: 'role_deleted', // ROLE_DELETED
};

/** The parts of an activity that come straight from the stored event. */
export function expectedActivityCore(event: EventRecord): Unified {
  const actor =
    event.actor_user_id !== null
      ? defined({ type: 'user', id: String(event.actor_user_id), name: text(event.actor_user_name) })
      : text(event.actor_system)
        ? { type: 'system', name: event.actor_system }
        : undefined;
  const target =
    event.user_id !== null
      ? defined({ type: 'user', id: String(event.user_id), name: text(event.user_name) })
      : event.role_id !== null
        ? { type: 'role', id: String(event.role_id) }
        : undefined;
  return defined({
    id: String(event.id),
    action: ACTION_OF_TYPE[event.event_type_id],
    actor,
    target,
    created_at: iso(event.created_at),
  });
}
