/**
 * @module The simulated OneLogin account: every collection plus the invariants that span them (unique
 * usernames and emails, role membership mirrored on users and roles, events ordered by id and time).
 * Input validation happens in the routes; these methods assume valid input.
 */

import { insertId, removeId, SortedTable } from '@switchboard/sim-kit';
import { EVENT_TYPES } from './event-types.js';
import type {
  AppRecord,
  EventRecord,
  EventTypeRecord,
  GroupRecord,
  RoleRecord,
  UserRecord,
} from './records.js';

/** An event as the simulator records it; the id and the time are assigned on append. */
/** Event ids look like real ones (nine digits) rather than starting at 1. */
const FIRST_EVENT_ID = 904_257_546;

export type NewEvent = Omit<EventRecord, 'id' | 'created_at'>;

export class Directory {
  readonly users = new SortedTable<UserRecord>();
  readonly roles = new SortedTable<RoleRecord>();
  readonly groups = new SortedTable<GroupRecord>();
  readonly apps = new SortedTable<AppRecord>();
  readonly events = new SortedTable<EventRecord>();
  readonly eventTypes: readonly EventTypeRecord[] = EVENT_TYPES;
  readonly customAttributeNames: string[] = [];
  /** The account owner: seeded actor of admin events and `added_by` of role members. */
  ownerId = 0;
  /** Unique-key indexes, built on the first write that needs them: reads never do, and seeding stays fast. */
  private unique: { usernames: Map<string, number>; emails: Map<string, number> } | undefined;

  constructor(readonly accountId: number) {}

  displayName(user: UserRecord): string {
    const name = `${user.firstname} ${user.lastname}`.trim();
    return name !== '' ? name : (user.email ?? user.username ?? '');
  }

  /** Id of the user holding `username` (case-insensitive); empty usernames are never unique keys. */
  userIdByUsername(username: string): number | undefined {
    return this.uniqueKeys().usernames.get(username.toLowerCase());
  }

  userIdByEmail(email: string): number | undefined {
    return this.uniqueKeys().emails.get(email.toLowerCase());
  }

  nextUserId(): number {
    return (this.users.last?.id ?? 0) + 1;
  }

  nextRoleId(): number {
    return (this.roles.last?.id ?? 0) + 1;
  }

  addUser(user: UserRecord): void {
    this.users.insert(user);
    this.index(user);
    for (const roleId of user.role_ids) {
      const role = this.roles.get(roleId);
      if (role !== undefined) insertId(role.members, user.id);
    }
  }

  /** Re-keys the unique indexes after username or email changed. */
  rename(user: UserRecord, next: { username: string | null; email: string | null }): void {
    this.unindex(user);
    user.username = next.username;
    user.email = next.email;
    this.index(user);
  }

  removeUser(id: number): UserRecord | undefined {
    const user = this.users.remove(id);
    if (user === undefined) return undefined;
    this.unindex(user);
    for (const roleId of user.role_ids) {
      const role = this.roles.get(roleId);
      if (role !== undefined) {
        removeId(role.members, id);
        role.addedAt.delete(id);
      }
    }
    // Admins need not be members, and roles are few, so scanning them all is cheap.
    for (const role of this.roles.items) removeId(role.admins, id);
    return user;
  }

  /** Adds users to a role (both sides); returns the ids that were not members before. */
  addRoleMembers(role: RoleRecord, userIds: readonly number[], at: number): number[] {
    const added: number[] = [];
    for (const userId of userIds) {
      const user = this.users.get(userId);
      if (user === undefined || !insertId(role.members, userId)) continue;
      insertId(user.role_ids, role.id);
      role.addedAt.set(userId, at);
      added.push(userId);
    }
    return added;
  }

  /** Removes users from a role (both sides); returns the ids that were members. */
  removeRoleMembers(role: RoleRecord, userIds: readonly number[]): number[] {
    const removed: number[] = [];
    for (const userId of userIds) {
      if (!removeId(role.members, userId)) continue;
      const user = this.users.get(userId);
      if (user !== undefined) removeId(user.role_ids, role.id);
      role.addedAt.delete(userId);
      removed.push(userId);
    }
    return removed;
  }

  /** Replaces a user's roles, keeping role member lists in step. */
  setUserRoles(user: UserRecord, roleIds: readonly number[], at: number): void {
    const wanted = new Set(roleIds);
    for (const roleId of [...user.role_ids]) {
      const role = this.roles.get(roleId);
      if (!wanted.has(roleId) && role !== undefined) this.removeRoleMembers(role, [user.id]);
    }
    for (const roleId of wanted) {
      const role = this.roles.get(roleId);
      if (role !== undefined) this.addRoleMembers(role, [user.id], at);
    }
  }

  addRole(name: string, undeletable = false): RoleRecord {
    const role: RoleRecord = {
      id: this.nextRoleId(),
      name,
      members: [],
      admins: [],
      apps: [],
      addedAt: new Map(),
      undeletable,
    };
    this.roles.insert(role);
    return role;
  }

  removeRole(role: RoleRecord): void {
    this.removeRoleMembers(role, [...role.members]);
    this.roles.remove(role.id);
  }

  /** Appends an event; ids and timestamps never go backwards, so both orders stay the same. */
  appendEvent(event: NewEvent, at: number): EventRecord {
    const last = this.events.items.at(-1);
    // Built field by field (not spread) so every event shares one hidden class: seeding makes hundreds of thousands.
    const record: EventRecord = {
      id: last === undefined ? FIRST_EVENT_ID : last.id + 1,
      created_at: Math.max(at, last?.created_at ?? 0),
      event_type_id: event.event_type_id,
      user_id: event.user_id,
      user_name: event.user_name,
      actor_user_id: event.actor_user_id,
      actor_user_name: event.actor_user_name,
      actor_system: event.actor_system,
      app_id: event.app_id,
      role_id: event.role_id,
      group_id: event.group_id,
      ipaddr: event.ipaddr,
      risk_score: event.risk_score,
      notes: event.notes,
      client_id: event.client_id,
      directory_id: event.directory_id,
    };
    this.events.insert(record);
    return record;
  }

  private uniqueKeys(): { usernames: Map<string, number>; emails: Map<string, number> } {
    if (this.unique === undefined) {
      this.unique = { usernames: new Map(), emails: new Map() };
      for (const user of this.users.items) this.index(user);
    }
    return this.unique;
  }

  private index(user: UserRecord): void {
    if (this.unique === undefined) return;
    if (user.username) this.unique.usernames.set(user.username.toLowerCase(), user.id);
    if (user.email) this.unique.emails.set(user.email.toLowerCase(), user.id);
  }

  private unindex(user: UserRecord): void {
    if (this.unique === undefined) return;
    const { usernames, emails } = this.unique;
    if (user.username && usernames.get(user.username.toLowerCase()) === user.id) {
      usernames.delete(user.username.toLowerCase());
    }
    if (user.email && emails.get(user.email.toLowerCase()) === user.id)
      emails.delete(user.email.toLowerCase());
  }
}
