/**
 * @module The unified user-directory model (`shared/reference/unified-user-directory.md`): its five resources,
 * each defined once in its own file, and the tables older callers read, derived from them.
 */
import type { TSchema } from '@sinclair/typebox';
import { ACTIVITIES } from './activities.js';
import { GROUPS } from './groups.js';
import { ROLE_ASSIGNMENTS } from './role-assignments.js';
import { ROLES } from './roles.js';
import type { UnifiedModelDefinition } from './unified-resource.js';
import { USERS } from './users.js';

export const USER_DIRECTORY_MODEL: UnifiedModelDefinition = {
  name: 'user-directory',
  resources: [USERS, GROUPS, ROLES, ROLE_ASSIGNMENTS, ACTIVITIES],
};

export type UserDirectoryResource = 'users' | 'groups' | 'roles' | 'role_assignments' | 'activities';

function byResource<T>(pick: (resource: UnifiedModelDefinition['resources'][number]) => T) {
  return Object.fromEntries(USER_DIRECTORY_MODEL.resources.map((r) => [r.name, pick(r)])) as Record<
    UserDirectoryResource,
    T
  >;
}

/** Record schema of each resource, by its URL name. */
export const USER_DIRECTORY: Record<UserDirectoryResource, TSchema> = byResource((r) => r.record);

/** The filters each unified list accepts (the contract); an integration declares which it can apply. */
export const USER_DIRECTORY_FILTERS: Record<UserDirectoryResource, readonly string[]> = byResource((r) =>
  r.filters.map((filter) => filter.name),
);
