/**
 * @module The unified user-directory records (`shared/reference/unified-user-directory.md`), declared by hand so
 * the SDK has no runtime dependency. `models.test.ts` checks every declaration below against the JSON Schemas
 * the schema package emits, through the `*_FIELDS` tables: the compiler ties each table to its type, the test
 * ties it to the schema.
 */

/** `'required'` where the type demands the key, `'optional'` where it may be absent; one entry per key. */
export type FieldPresence<T> = {
  [K in keyof Required<T>]-?: object extends Pick<T, K> ? 'optional' : 'required';
};

/** Arbitrary JSON object: the upstream record (`remote_data`) or upstream custom attributes. */
export type JsonObject = Record<string, unknown>;

/** ISO-8601 UTC date-time string, e.g. `2026-01-31T12:00:00Z`. */
export type DateTimeString = string;

// ---------------------------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------------------------

export const USER_STATUSES = ['active', 'invited', 'suspended', 'locked', 'deleted'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** What `PATCH …/users/:id` accepts: `active` activates, reactivates or unlocks. */
export const USER_UPDATE_STATUSES = ['active', 'suspended', 'locked'] as const;
export type UserUpdateStatus = (typeof USER_UPDATE_STATUSES)[number];

export const EMAIL_TYPES = ['work', 'personal', 'other'] as const;
export type EmailType = (typeof EMAIL_TYPES)[number];

export const PHONE_TYPES = ['work', 'mobile', 'home', 'other'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export const GROUP_TYPES = ['group', 'team', 'department', 'other'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

export const ACTOR_TYPES = ['user', 'system', 'anonymous'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const TARGET_TYPES = ['user', 'group', 'role', 'app', 'other'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const ACTIVITY_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'user_created',
  'user_updated',
  'user_deleted',
  'user_suspended',
  'user_reactivated',
  'user_locked',
  'user_unlocked',
  'user_invited',
  'password_changed',
  'password_reset_requested',
  'mfa_enrolled',
  'mfa_removed',
  'mfa_challenge_failed',
  'role_assigned',
  'role_unassigned',
  'role_created',
  'role_deleted',
  'group_created',
  'group_updated',
  'group_deleted',
  'group_member_added',
  'group_member_removed',
  'user_activated',
  'app_login',
  'app_login_failed',
  'api_credential_created',
  'other',
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Nested shapes
// ---------------------------------------------------------------------------------------------------------------

export interface Email {
  email: string;
  type?: EmailType;
  is_primary?: boolean;
}
export const EMAIL_FIELDS: FieldPresence<Email> = {
  email: 'required',
  type: 'optional',
  is_primary: 'optional',
};

export interface Phone {
  number: string;
  type?: PhoneType;
}
export const PHONE_FIELDS: FieldPresence<Phone> = { number: 'required', type: 'optional' };

/** A related object, nested as `{ id, name? }`. */
export interface Ref {
  id: string;
  name?: string;
}
export const REF_FIELDS: FieldPresence<Ref> = { id: 'required', name: 'optional' };

export interface ManagerRef {
  id: string;
}
export const MANAGER_FIELDS: FieldPresence<ManagerRef> = { id: 'required' };

export interface ActivityActor {
  type: ActorType;
  id?: string;
  name?: string;
}
export const ACTOR_FIELDS: FieldPresence<ActivityActor> = {
  type: 'required',
  id: 'optional',
  name: 'optional',
};

export interface ActivityTarget {
  type: TargetType;
  id?: string;
  name?: string;
}
export const TARGET_FIELDS: FieldPresence<ActivityTarget> = {
  type: 'required',
  id: 'optional',
  name: 'optional',
};

export interface ActivityContext {
  ip_address?: string;
  user_agent?: string;
  location?: string;
  risk_score?: number;
}
export const CONTEXT_FIELDS: FieldPresence<ActivityContext> = {
  ip_address: 'optional',
  user_agent: 'optional',
  location: 'optional',
  risk_score: 'optional',
};

// ---------------------------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------------------------

export interface User {
  id: string;
  external_id?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
  /** Display name, or first + last. */
  name?: string;
  title?: string;
  department?: string;
  company?: string;
  emails?: Email[];
  phones?: Phone[];
  status?: UserStatus;
  is_2fa_enabled?: boolean;
  manager?: ManagerRef;
  groups?: Ref[];
  roles?: Ref[];
  /** Upstream custom attributes, keys as the upstream names them. */
  custom_fields?: JsonObject;
  last_login_at?: DateTimeString;
  created_at?: DateTimeString;
  updated_at?: DateTimeString;
  /** The upstream record exactly as received; absent when listed with `remote_data: false`. */
  remote_data?: JsonObject;
}
export const USER_FIELDS: FieldPresence<User> = {
  id: 'required',
  external_id: 'optional',
  username: 'optional',
  first_name: 'optional',
  last_name: 'optional',
  name: 'optional',
  title: 'optional',
  department: 'optional',
  company: 'optional',
  emails: 'optional',
  phones: 'optional',
  status: 'optional',
  is_2fa_enabled: 'optional',
  manager: 'optional',
  groups: 'optional',
  roles: 'optional',
  custom_fields: 'optional',
  last_login_at: 'optional',
  created_at: 'optional',
  updated_at: 'optional',
  remote_data: 'optional',
};

export interface Group {
  id: string;
  name?: string;
  description?: string;
  type?: GroupType;
  created_at?: DateTimeString;
  updated_at?: DateTimeString;
  remote_data?: JsonObject;
}
export const GROUP_FIELDS: FieldPresence<Group> = {
  id: 'required',
  name: 'optional',
  description: 'optional',
  type: 'optional',
  created_at: 'optional',
  updated_at: 'optional',
  remote_data: 'optional',
};

export interface Role {
  id: string;
  name?: string;
  description?: string;
  created_at?: DateTimeString;
  updated_at?: DateTimeString;
  remote_data?: JsonObject;
}
export const ROLE_FIELDS: FieldPresence<Role> = {
  id: 'required',
  name: 'optional',
  description: 'optional',
  created_at: 'optional',
  updated_at: 'optional',
  remote_data: 'optional',
};

export interface RoleAssignment {
  /** Stable; `<user_id>:<role_id>` where the upstream has no id of its own. */
  id: string;
  user_id: string;
  role_id: string;
  created_at?: DateTimeString;
  remote_data?: JsonObject;
}
export const ROLE_ASSIGNMENT_FIELDS: FieldPresence<RoleAssignment> = {
  id: 'required',
  user_id: 'required',
  role_id: 'required',
  created_at: 'optional',
  remote_data: 'optional',
};

export interface Activity {
  id: string;
  action?: ActivityAction;
  /** A human sentence, e.g. "Ann Lee logged into OneLogin". */
  description?: string;
  actor?: ActivityActor;
  target?: ActivityTarget;
  context?: ActivityContext;
  created_at: DateTimeString;
  remote_data?: JsonObject;
}
export const ACTIVITY_FIELDS: FieldPresence<Activity> = {
  id: 'required',
  action: 'optional',
  description: 'optional',
  actor: 'optional',
  target: 'optional',
  context: 'optional',
  created_at: 'required',
  remote_data: 'optional',
};

// ---------------------------------------------------------------------------------------------------------------
// Write bodies
// ---------------------------------------------------------------------------------------------------------------

/** A group reference in a write body; extra keys (e.g. `name` copied from a read) are accepted and ignored. */
export interface GroupRefInput {
  id: string;
  [key: string]: unknown;
}

export interface UserCreate {
  username?: string;
  first_name?: string;
  last_name?: string;
  name?: string;
  emails?: Email[];
  title?: string;
  department?: string;
  company?: string;
  phones?: Phone[];
  /** `null` clears the manager. */
  manager?: ManagerRef | null;
  groups?: GroupRefInput[];
  custom_fields?: JsonObject;
  /** Write-only: never echoed back or logged. */
  password?: string;
}
const USER_WRITE_FIELDS = {
  username: 'optional',
  first_name: 'optional',
  last_name: 'optional',
  name: 'optional',
  emails: 'optional',
  title: 'optional',
  department: 'optional',
  company: 'optional',
  phones: 'optional',
  manager: 'optional',
  groups: 'optional',
  custom_fields: 'optional',
  password: 'optional',
} as const;
export const USER_CREATE_FIELDS: FieldPresence<UserCreate> = USER_WRITE_FIELDS;

export interface UserUpdate extends UserCreate {
  /** `active` activates, reactivates or unlocks; `suspended` suspends; `locked` locks. */
  status?: UserUpdateStatus;
}
export const USER_UPDATE_FIELDS: FieldPresence<UserUpdate> = { ...USER_WRITE_FIELDS, status: 'optional' };

/** Body of `POST` and `PATCH …/roles`, where the integration supports role writes. */
export interface RoleWrite {
  name: string;
  description?: string;
}
export const ROLE_WRITE_FIELDS: FieldPresence<RoleWrite> = { name: 'required', description: 'optional' };

export interface RoleAssignmentCreate {
  user_id: string;
  role_id: string;
}
export const ROLE_ASSIGNMENT_CREATE_FIELDS: FieldPresence<RoleAssignmentCreate> = {
  user_id: 'required',
  role_id: 'required',
};
