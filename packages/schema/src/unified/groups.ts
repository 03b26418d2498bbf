/**
 * @module Unified `groups`.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import { DateTime, NamedEnum, RemoteData } from './fields.js';
import type { UnifiedResourceDefinition } from './unified-resource.js';

export const Group = Type.Object(
  {
    id: Type.String(),
    name: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    type: Type.Optional(NamedEnum('GroupType', ['group', 'team', 'department', 'other'])),
    created_at: Type.Optional(DateTime),
    updated_at: Type.Optional(DateTime),
    remote_data: Type.Optional(RemoteData),
  },
  { $id: 'Group', additionalProperties: false },
);

export const GROUPS: UnifiedResourceDefinition = { name: 'groups', record: Group, filters: [] };

export type Group = Static<typeof Group>;
