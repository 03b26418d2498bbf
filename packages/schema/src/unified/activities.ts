/**
 * @module Unified `activities`: the audit trail (sign-ins, lifecycle changes, role and group changes).
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import { DateTime, NamedEnum, RemoteData } from './fields.js';
import { enumFilter, textFilter, timeBoundFilter } from './filter.js';
import type { UnifiedResourceDefinition } from './unified-resource.js';

/** An upstream event type with no match maps to `other`; the raw type stays in `remote_data`. */
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

export const ActivityAction = NamedEnum('ActivityAction', ACTIVITY_ACTIONS);

const ActivityActor = Type.Object(
  {
    type: NamedEnum('ActorType', ['user', 'system', 'anonymous']),
    id: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
  },
  { title: 'ActivityActor', additionalProperties: false, description: 'Who did it.' },
);

const ActivityTarget = Type.Object(
  {
    type: NamedEnum('TargetType', ['user', 'group', 'role', 'app', 'other']),
    id: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
  },
  { title: 'ActivityTarget', additionalProperties: false, description: 'What it was done to.' },
);

const ActivityContext = Type.Object(
  {
    ip_address: Type.Optional(Type.String()),
    user_agent: Type.Optional(Type.String()),
    location: Type.Optional(Type.String()),
    risk_score: Type.Optional(Type.Number()),
  },
  { title: 'ActivityContext', additionalProperties: false },
);

export const Activity = Type.Object(
  {
    id: Type.String(),
    action: Type.Optional(ActivityAction),
    description: Type.Optional(
      Type.String({ description: 'A human sentence, e.g. "Ann Lee logged into OneLogin".' }),
    ),
    actor: Type.Optional(ActivityActor),
    target: Type.Optional(ActivityTarget),
    context: Type.Optional(ActivityContext),
    created_at: DateTime,
    remote_data: Type.Optional(RemoteData),
  },
  { $id: 'Activity', additionalProperties: false },
);

export const ACTIVITIES: UnifiedResourceDefinition = {
  name: 'activities',
  record: Activity,
  filters: [
    timeBoundFilter('created_at', 'gte', 'Activities at or after this time.'),
    timeBoundFilter('created_at', 'lt', 'Activities before this time.'),
    enumFilter('action', ActivityAction, 'Activities of this action.'),
    textFilter('user_id', {
      fields: ['target.id', 'actor.id'],
      description: 'Activities of this user: done by them or to them.',
    }),
  ],
};

export type ActivityAction = Static<typeof ActivityAction>;
export type Activity = Static<typeof Activity>;
