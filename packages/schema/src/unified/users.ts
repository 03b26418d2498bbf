/**
 * @module Unified `users`: people in the directory (`shared/reference/unified-user-directory.md`).
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import { DateTime, JsonObject, NamedEnum, Ref, RemoteData } from './fields.js';
import { enumFilter, textFilter, timeBoundFilter } from './filter.js';
import type { UnifiedResourceDefinition } from './unified-resource.js';

export const UserStatus = NamedEnum('UserStatus', ['active', 'invited', 'suspended', 'locked', 'deleted']);

/** What `PATCH …/users/:id` accepts as `status`. */
export const UserUpdateStatus = NamedEnum(
  'UserUpdateStatus',
  ['active', 'suspended', 'locked'],
  '`active` activates, reactivates or unlocks; `suspended` suspends; `locked` locks.',
);

const Email = Type.Object(
  {
    email: Type.String(),
    type: Type.Optional(NamedEnum('EmailType', ['work', 'personal', 'other'])),
    is_primary: Type.Optional(Type.Boolean()),
  },
  { title: 'Email', additionalProperties: false },
);

const Phone = Type.Object(
  { number: Type.String(), type: Type.Optional(NamedEnum('PhoneType', ['work', 'mobile', 'home', 'other'])) },
  { title: 'Phone', additionalProperties: false },
);

const ManagerRef = Type.Object({ id: Type.String() }, { title: 'ManagerRef', additionalProperties: false });

const CustomFields = JsonObject('Upstream custom attributes, keys as the upstream names them.');

export const User = Type.Object(
  {
    id: Type.String(),
    external_id: Type.Optional(Type.String({ description: 'E.g. a SCIM externalId or an HR id.' })),
    username: Type.Optional(Type.String()),
    first_name: Type.Optional(Type.String()),
    last_name: Type.Optional(Type.String()),
    name: Type.Optional(Type.String({ description: 'Display name, or first + last.' })),
    title: Type.Optional(Type.String()),
    department: Type.Optional(Type.String()),
    company: Type.Optional(Type.String()),
    emails: Type.Optional(Type.Array(Email)),
    phones: Type.Optional(Type.Array(Phone)),
    status: Type.Optional(UserStatus),
    is_2fa_enabled: Type.Optional(Type.Boolean()),
    manager: Type.Optional(ManagerRef),
    groups: Type.Optional(Type.Array(Ref)),
    roles: Type.Optional(Type.Array(Ref)),
    custom_fields: Type.Optional(CustomFields),
    last_login_at: Type.Optional(DateTime),
    created_at: Type.Optional(DateTime),
    updated_at: Type.Optional(DateTime),
    remote_data: Type.Optional(RemoteData),
  },
  { $id: 'User', additionalProperties: false, description: 'A person in the directory.' },
);

const GroupRefInput = Type.Object(
  { id: Type.String() },
  {
    title: 'GroupRefInput',
    additionalProperties: true,
    description: 'A group to add the user to; extra keys (e.g. `name` copied from a read) are ignored.',
  },
);

const writableUser = {
  username: Type.Optional(Type.String()),
  first_name: Type.Optional(Type.String()),
  last_name: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  emails: Type.Optional(Type.Array(Email)),
  title: Type.Optional(Type.String()),
  department: Type.Optional(Type.String()),
  company: Type.Optional(Type.String()),
  phones: Type.Optional(Type.Array(Phone)),
  manager: Type.Optional(
    Type.Union([ManagerRef, Type.Null()], { description: '`null` clears the manager.' }),
  ),
  groups: Type.Optional(Type.Array(GroupRefInput)),
  custom_fields: Type.Optional(CustomFields),
  password: Type.Optional(
    Type.String({ minLength: 1, writeOnly: true, description: 'Write-only: never echoed back or logged.' }),
  ),
};

export const UserCreate = Type.Object(writableUser, { $id: 'UserCreate', additionalProperties: false });
export const UserUpdate = Type.Object(
  { ...writableUser, status: Type.Optional(UserUpdateStatus) },
  { $id: 'UserUpdate', additionalProperties: false },
);

export const USERS: UnifiedResourceDefinition = {
  name: 'users',
  record: User,
  filters: [
    textFilter('email', {
      fields: ['emails.email'],
      ignoreCase: true,
      description: 'Users with this email address (any of theirs; case-insensitive).',
    }),
    textFilter('username', { description: 'The user with this username.' }),
    enumFilter('status', UserStatus, 'Users in this status.'),
    timeBoundFilter('updated_at', 'gte', 'Users changed at or after this time.'),
    timeBoundFilter('created_at', 'gte', 'Users created at or after this time.'),
  ],
  create: UserCreate,
  update: UserUpdate,
};

export type UserStatus = Static<typeof UserStatus>;
export type User = Static<typeof User>;
export type UserCreate = Static<typeof UserCreate>;
export type UserUpdate = Static<typeof UserUpdate>;
