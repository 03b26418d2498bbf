/**
 * @module The org's data: users and groups in id-sorted tables (ids sort in creation order), memberships as
 * sorted id lists on each group, admin role assignments per user, and the System Log in publication order.
 */
import { createRandom, hasId, type Random, removeId, SortedTable } from '@switchboard/sim-kit';
import { oktaId } from './okta-ids.js';
import type { GroupRecord, LogEventRecord, RoleAssignmentRecord, UserRecord } from './records.js';

export type NewLogEvent = Omit<LogEventRecord, 'order' | 'uuid' | 'published' | 'transactionId'>;

export class Directory {
  readonly users = new SortedTable<UserRecord, string>();
  readonly groups = new SortedTable<GroupRecord, string>();
  /** Admin role assignments by user id. */
  readonly roles = new Map<string, RoleAssignmentRecord[]>();
  /** Publication order; `order` is the index. */
  readonly logs: LogEventRecord[] = [];
  /** The user who owns the API token (actor of API writes in the System Log). */
  ownerId = '';
  /** The app instance APP_GROUPs come from. */
  readonly appId: string;
  private userSequence = 0;
  private groupSequence = 0;
  private roleSequence = 0;
  /** Ids, uuids and event context for records created at run time (its own stream, from the seed). */
  readonly random: Random;

  constructor(seed: number) {
    this.random = createRandom(seed ^ 0x5eed);
    this.appId = oktaId('0oa', 1, this.random);
  }

  nextUserId(): string {
    this.userSequence += 1;
    return oktaId('00u', this.userSequence, this.random);
  }

  nextGroupId(): string {
    this.groupSequence += 1;
    return oktaId('00g', this.groupSequence, this.random);
  }

  nextRoleAssignmentId(): string {
    this.roleSequence += 1;
    return oktaId('ra1', this.roleSequence, this.random);
  }

  /** By id, by login (case-insensitive) or by login shortname (the part before `@`), as `GET /users/{id}`. */
  findUser(idOrLogin: string): UserRecord | undefined {
    const byId = this.users.get(idOrLogin);
    if (byId !== undefined) return byId;
    const wanted = idOrLogin.toLowerCase();
    return (
      this.users.items.find((user) => String(user.profile['login']).toLowerCase() === wanted) ??
      this.users.items.find((user) => String(user.profile['login']).toLowerCase().split('@')[0] === wanted)
    );
  }

  /** Logins are unique ignoring case (reference §5). */
  loginTaken(login: string, exceptId?: string): boolean {
    const wanted = login.toLowerCase();
    return this.users.items.some(
      (user) => user.id !== exceptId && String(user.profile['login']).toLowerCase() === wanted,
    );
  }

  groupsOf(userId: string): GroupRecord[] {
    return this.groups.items.filter((group) => hasId(group.members, userId));
  }

  rolesOf(userId: string): RoleAssignmentRecord[] {
    let list = this.roles.get(userId);
    if (list === undefined) {
      list = [];
      this.roles.set(userId, list);
    }
    return list;
  }

  /** Purges a user: memberships and role assignments go with it. */
  removeUser(id: string, now: number): void {
    this.users.remove(id);
    this.roles.delete(id);
    for (const group of this.groups.items) {
      if (removeId(group.members, id)) group.lastMembershipUpdated = now;
    }
  }

  appendLog(event: NewLogEvent, published: number): LogEventRecord {
    const record: LogEventRecord = {
      ...event,
      order: this.logs.length,
      uuid: this.uuid(),
      published,
      transactionId: oktaId('X', this.logs.length, this.random).slice(0, 20),
    };
    this.logs.push(record);
    return record;
  }

  /** A v4-shaped uuid from the directory's random source. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.random.int(0, 15).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
}
