/**
 * @module Unified `roles`. Writes exist where the integration supports them.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import { DateTime, RemoteData } from './fields.js';
import type { UnifiedResourceDefinition } from './unified-resource.js';

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

const writableRole = { name: Type.String({ minLength: 1 }), description: Type.Optional(Type.String()) };

export const RoleWrite = Type.Object(writableRole, { $id: 'RoleWrite', additionalProperties: false });
/** PATCH semantics: every field optional, at least one, still no unknown fields. */
export const RoleUpdate = Type.Object(
  { ...writableRole, name: Type.Optional(writableRole.name) },
  { $id: 'RoleUpdate', additionalProperties: false, minProperties: 1 },
);

export const ROLES: UnifiedResourceDefinition = {
  name: 'roles',
  record: Role,
  filters: [],
  create: RoleWrite,
  update: RoleUpdate,
};

export type Role = Static<typeof Role>;
export type RoleWrite = Static<typeof RoleWrite>;
export type RoleUpdate = Static<typeof RoleUpdate>;
