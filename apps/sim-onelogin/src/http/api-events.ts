/**
 * @module Events for changes made through the API, so an activity feed reflects what a client just did.
 * The actor is the credential's owner (the account owner) and `client_id` names the credential.
 */
import type { RoleRecord, UserRecord } from '../data/records.js';
import type { SimContext } from './context.js';

export function recordApiEvent(
  context: SimContext,
  eventTypeId: number,
  subject: { user?: UserRecord; role?: RoleRecord; ip?: string },
): void {
  const directory = context.state.data;
  const owner = directory.users.get(directory.ownerId);
  const { user, role } = subject;
  directory.appendEvent(
    {
      event_type_id: eventTypeId,
      user_id: user?.id ?? null,
      user_name: user === undefined ? null : directory.displayName(user),
      actor_user_id: owner?.id ?? null,
      actor_user_name: owner === undefined ? null : directory.displayName(owner),
      actor_system: 'API',
      app_id: null,
      role_id: role?.id ?? null,
      group_id: null,
      ipaddr: subject.ip ?? null,
      risk_score: null,
      notes: null,
      client_id: context.options.clientId,
      directory_id: user?.directory_id ?? null,
    },
    context.now(),
  );
}
