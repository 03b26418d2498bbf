/**
 * @module The `user-directory` unified model: users, groups, roles, role assignments and activities, each typed
 * with exactly the methods and filters the contract lists for it.
 */
import type {
  Activity,
  ActivityAction,
  Group,
  Role,
  RoleAssignment,
  RoleAssignmentCreate,
  RoleWrite,
  User,
  UserCreate,
  UserStatus,
  UserUpdate,
} from '../models.js';
import type { Transport } from '../transport.js';
import { UnifiedResource } from './unified-resource.js';

/** A time bound: an ISO-8601 string, or a `Date` (sent as ISO-8601 UTC). */
export type DateFilter = string | Date;

export interface UserFilters {
  email?: string;
  username?: string;
  status?: UserStatus;
  'updated_at[gte]'?: DateFilter;
  'created_at[gte]'?: DateFilter;
}

export interface ActivityFilters {
  'created_at[gte]'?: DateFilter;
  'created_at[lt]'?: DateFilter;
  action?: ActivityAction;
  user_id?: string;
}

export interface RoleAssignmentFilters {
  user_id?: string;
  role_id?: string;
}

/** Resources that take no filters. */
export type NoFilters = Record<string, never>;

export type UsersResource = UnifiedResource<User, UserFilters, UserCreate, UserUpdate>;
export type GroupsResource = Pick<UnifiedResource<Group, NoFilters>, 'list' | 'iterate' | 'get'>;
/** Writes succeed where the integration supports them; elsewhere the API answers with an error. */
export type RolesResource = UnifiedResource<Role, NoFilters, RoleWrite, RoleWrite>;
export type RoleAssignmentsResource = Pick<
  UnifiedResource<RoleAssignment, RoleAssignmentFilters, RoleAssignmentCreate>,
  'list' | 'iterate' | 'create' | 'delete'
>;
export type ActivitiesResource = Pick<UnifiedResource<Activity, ActivityFilters>, 'list' | 'iterate' | 'get'>;

export class UserDirectory {
  readonly users: UsersResource;
  readonly groups: GroupsResource;
  readonly roles: RolesResource;
  /** `/unified/user-directory/role_assignments`. */
  readonly roleAssignments: RoleAssignmentsResource;
  readonly activities: ActivitiesResource;

  constructor(transport: Transport) {
    const model = 'user-directory';
    this.users = new UnifiedResource(transport, model, 'users');
    this.groups = new UnifiedResource(transport, model, 'groups');
    this.roles = new UnifiedResource(transport, model, 'roles');
    this.roleAssignments = new UnifiedResource(transport, model, 'role_assignments');
    this.activities = new UnifiedResource(transport, model, 'activities');
  }
}
