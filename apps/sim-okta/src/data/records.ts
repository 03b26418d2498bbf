/**
 * @module What the simulator stores. Timestamps are epoch ms (serialised as ISO in the wire views); the
 * profile is stored as Okta returns it (optional attributes may be `null`).
 */

export const USER_STATUSES = [
  'STAGED',
  'PROVISIONED',
  'ACTIVE',
  'RECOVERY',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
  'SUSPENDED',
  'DEPROVISIONED',
] as const;

export type UserStatus = (typeof USER_STATUSES)[number];

export type Profile = Record<string, string | number | boolean | null | readonly string[]>;

export interface UserRecord {
  readonly id: string;
  status: UserStatus;
  readonly created: number;
  activated: number | null;
  statusChanged: number | null;
  lastLogin: number | null;
  lastUpdated: number;
  passwordChanged: number | null;
  /** Whether a password is set (Okta never returns it; `credentials.password` is `{}` when set). */
  hasPassword: boolean;
  hasRecoveryQuestion: boolean;
  profile: Profile;
}

export type GroupType = 'OKTA_GROUP' | 'APP_GROUP' | 'BUILT_IN';

export interface GroupRecord {
  readonly id: string;
  readonly type: GroupType;
  readonly created: number;
  lastUpdated: number;
  lastMembershipUpdated: number;
  profile: { name: string; description: string | null } & Record<string, string | null>;
  /** Sorted user ids. */
  readonly members: string[];
  /** APP_GROUP only: the app instance it comes from. */
  readonly sourceId: string | null;
}

export interface RoleAssignmentRecord {
  readonly id: string;
  readonly type: string;
  readonly label: string;
  readonly created: number;
  readonly lastUpdated: number;
  readonly assignmentType: 'USER' | 'GROUP';
}

export interface LogActor {
  readonly id: string;
  readonly type: string;
  readonly alternateId: string;
  readonly displayName: string;
}

export interface LogTarget extends LogActor {
  readonly detailEntry: null;
}

export interface LogEventRecord {
  /** Position in publication order: the keyset for `after` cursors. */
  readonly order: number;
  readonly uuid: string;
  readonly published: number;
  readonly eventType: string;
  readonly legacyEventType: string | null;
  readonly severity: 'INFO' | 'WARN' | 'ERROR' | 'DEBUG';
  readonly displayMessage: string;
  readonly outcome: { readonly result: string; readonly reason: string | null };
  readonly actor: LogActor;
  readonly target: readonly LogTarget[] | null;
  readonly ipAddress: string;
  readonly userAgent: string;
  readonly geo: {
    readonly city: string;
    readonly state: string;
    readonly country: string;
    readonly postalCode: string;
  };
  readonly transactionId: string;
}
