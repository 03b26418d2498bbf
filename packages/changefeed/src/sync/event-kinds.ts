/**
 * @module Which unified resources a sync can follow and the event family each one emits.
 */

export const SYNCABLE_RESOURCES = ['users', 'groups', 'role_assignments'] as const;
export type SyncableResource = (typeof SYNCABLE_RESOURCES)[number];

const FAMILY: Record<SyncableResource, string> = {
  users: 'user',
  groups: 'group',
  role_assignments: 'role_assignment',
};

export function eventFamily(resource: SyncableResource): string {
  return FAMILY[resource];
}

/** Role assignments have no fields of their own to change: they are created or deleted, never updated. */
export function emitsUpdates(resource: SyncableResource): boolean {
  return resource !== 'role_assignments';
}

export function isSyncable(resource: string): resource is SyncableResource {
  return (SYNCABLE_RESOURCES as readonly string[]).includes(resource);
}
