/**
 * @module The unified user-directory models (`shared/reference/unified-user-directory.md`) as JSON Schema.
 * The OpenAPI document and the conformance kit validate against these.
 */
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { StringEnum } from '../integration/primitives.js';

const DateTime = Type.String({ format: 'date-time' });
const RemoteData = Type.Unknown({ description: 'The upstream record exactly as received.' });
const Ref = Type.Object(
  { id: Type.String(), name: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

export const UserStatus = StringEnum(['active', 'invited', 'suspended', 'locked', 'deleted']);

export const User = Type.Object(
  {
    id: Type.String(),
    external_id: Type.Optional(Type.String()),
    username: Type.Optional(Type.String()),
    first_name: Type.Optional(Type.String()),
    last_name: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
    department: Type.Optional(Type.String()),
    company: Type.Optional(Type.String()),
    emails: Type.Optional(
      Type.Array(
        Type.Object(
          {
            email: Type.String(),
            type: Type.Optional(StringEnum(['work', 'personal', 'other'])),
            is_primary: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    phones: Type.Optional(
      Type.Array(
        Type.Object(
          { number: Type.String(), type: Type.Optional(StringEnum(['work', 'mobile', 'home', 'other'])) },
          { additionalProperties: false },
        ),
      ),
    ),
    status: Type.Optional(UserStatus),
    is_2fa_enabled: Type.Optional(Type.Boolean()),
    manager: Type.Optional(Type.Object({ id: Type.String() }, { additionalProperties: false })),
    groups: Type.Optional(Type.Array(Ref)),
    roles: Type.Optional(Type.Array(Ref)),
    custom_fields: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    last_login_at: Type.Optional(DateTime),
    created_at: Type.Optional(DateTime),
    updated_at: Type.Optional(DateTime),
    remote_data: Type.Optional(RemoteData),
  },
  { $id: 'User', additionalProperties: false, description: 'A person in the directory.' },
);

export const Group = Type.Object(
  {
    id: Type.String(),
    name: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    type: Type.Optional(StringEnum(['group', 'team', 'department', 'other'])),
    created_at: Type.Optional(DateTime),
    updated_at: Type.Optional(DateTime),
    remote_data: Type.Optional(RemoteData),
  },
  { $id: 'Group', additionalProperties: false },
);

export const Role = Type.Object(
  {
    id: Type.String(),
    name: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    created_at: Type.Optional(DateTime),
    updated_at: Type.Optional(DateTime),
    remote_data: Type.Optional(RemoteData),
  },
  { $id: 'Role', additionalProperties: false },
);

export const RoleAssignment = Type.Object(
  {
    id: Type.String({ description: 'Stable; `<user_id>:<role_id>` where the upstream has no id.' }),
    user_id: Type.String(),
    role_id: Type.String(),
    created_at: Type.Optional(DateTime),
    remote_data: Type.Optional(RemoteData),
  },
  { $id: 'RoleAssignment', additionalProperties: false },
);

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

export const Activity = Type.Object(
  {
    id: Type.String(),
    action: Type.Optional(StringEnum(ACTIVITY_ACTIONS)),
    description: Type.Optional(Type.String()),
    actor: Type.Optional(
      Type.Object(
        {
          type: StringEnum(['user', 'system', 'anonymous']),
          id: Type.Optional(Type.String()),
          name: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    target: Type.Optional(
      Type.Object(
        {
          type: StringEnum(['user', 'group', 'role', 'app', 'other']),
          id: Type.Optional(Type.String()),
          name: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    context: Type.Optional(
      Type.Object(
        {
          ip_address: Type.Optional(Type.String()),
          user_agent: Type.Optional(Type.String()),
          location: Type.Optional(Type.String()),
          risk_score: Type.Optional(Type.Number()),
        },
        { additionalProperties: false },
      ),
    ),
    created_at: DateTime,
    remote_data: Type.Optional(RemoteData),
  },
  { $id: 'Activity', additionalProperties: false },
);

/** Unified resources of the user-directory model, by their URL name. */
export const USER_DIRECTORY: Record<
  'users' | 'groups' | 'roles' | 'role_assignments' | 'activities',
  TSchema
> = {
  users: User,
  groups: Group,
  roles: Role,
  role_assignments: RoleAssignment,
  activities: Activity,
};
export type UserDirectoryResource = keyof typeof USER_DIRECTORY;

/** The filters each unified list accepts (the contract); an integration declares which it can apply. */
export const USER_DIRECTORY_FILTERS: Record<UserDirectoryResource, readonly string[]> = {
  users: ['email', 'username', 'status', 'updated_at[gte]', 'created_at[gte]'],
  groups: [],
  roles: [],
  role_assignments: ['user_id', 'role_id'],
  activities: ['created_at[gte]', 'created_at[lt]', 'action', 'user_id'],
};

export type User = Static<typeof User>;
export type Group = Static<typeof Group>;
export type Role = Static<typeof Role>;
export type RoleAssignment = Static<typeof RoleAssignment>;
export type Activity = Static<typeof Activity>;
