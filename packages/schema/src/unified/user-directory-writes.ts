/**
 * @module Request bodies of unified user-directory writes.
 */
import { type Static, Type } from '@sinclair/typebox';
import { StringEnum } from '../integration/primitives.js';
import { User } from './user-directory.js';

const writableUser = {
  username: Type.Optional(Type.String()),
  first_name: Type.Optional(Type.String()),
  last_name: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  emails: User.properties.emails,
  title: Type.Optional(Type.String()),
  department: Type.Optional(Type.String()),
  company: Type.Optional(Type.String()),
  phones: User.properties.phones,
  manager: Type.Optional(Type.Union([User.properties.manager, Type.Null()])),
  groups: Type.Optional(Type.Array(Type.Object({ id: Type.String() }, { additionalProperties: true }))),
  custom_fields: User.properties.custom_fields,
  password: Type.Optional(
    Type.String({ minLength: 1, writeOnly: true, description: 'Never echoed or logged.' }),
  ),
};

export const UserCreate = Type.Object(writableUser, { $id: 'UserCreate', additionalProperties: false });
export const UserUpdate = Type.Object(
  { ...writableUser, status: Type.Optional(StringEnum(['active', 'suspended', 'locked'])) },
  { $id: 'UserUpdate', additionalProperties: false },
);
export const RoleWrite = Type.Object(
  { name: Type.String({ minLength: 1 }), description: Type.Optional(Type.String()) },
  { $id: 'RoleWrite', additionalProperties: false },
);
export const RoleAssignmentCreate = Type.Object(
  { user_id: Type.String({ minLength: 1 }), role_id: Type.String({ minLength: 1 }) },
  { $id: 'RoleAssignmentCreate', additionalProperties: false },
);

export type UserCreate = Static<typeof UserCreate>;
export type UserUpdate = Static<typeof UserUpdate>;
export type RoleWrite = Static<typeof RoleWrite>;
export type RoleAssignmentCreate = Static<typeof RoleAssignmentCreate>;
