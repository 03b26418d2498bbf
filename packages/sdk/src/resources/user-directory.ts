/**
 * @module The `user-directory` unified model: users, groups, roles, role assignments and activities, each typed
 * with exactly the methods the contract lists for it; records, bodies and filters come from the generated
 * `models.ts`.
 */
import type {
  Activity,
  ActivityFilters,
  Group,
  Role,
  RoleAssignment,
  RoleAssignmentCreate,
  RoleAssignmentFilters,
  RoleUpdate,
  RoleWrite,
  User,
  UserCreate,
  UserFilters,
  UserUpdate,
} from '../models.js';
import type { Transport } from '../transport.js';
import { UnifiedResource } from './unified-resource.js';

/** Resources that take no filters. */
export type NoFilters = Record<string, never>;

export type UsersResource = UnifiedResource<User, UserFilters, UserCreate, UserUpdate>;
export type GroupsResource = Pick<UnifiedResource<Group, NoFilters>, 'list' | 'iterate' | 'get'>;
/** Writes succeed where the integration supports them; elsewhere the API answers with an error. */
export type RolesResource = UnifiedResource<Role, NoFilters, RoleWrite, RoleUpdate>;
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
