/**
 * @module Unified `role_assignments`: which user holds which role.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import { DateTime, RemoteData } from './fields.js';
import { textFilter } from './filter.js';
import type { UnifiedResourceDefinition } from './unified-resource.js';

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

export const RoleAssignmentCreate = Type.Object(
  { user_id: Type.String({ minLength: 1 }), role_id: Type.String({ minLength: 1 }) },
  { $id: 'RoleAssignmentCreate', additionalProperties: false },
);

export const ROLE_ASSIGNMENTS: UnifiedResourceDefinition = {
  name: 'role_assignments',
  record: RoleAssignment,
  filters: [
    textFilter('user_id', { description: 'Assignments of this user.' }),
    textFilter('role_id', { description: 'Assignments of this role.' }),
  ],
  create: RoleAssignmentCreate,
};

export type RoleAssignment = Static<typeof RoleAssignment>;
export type RoleAssignmentCreate = Static<typeof RoleAssignmentCreate>;
