/**
 * @module The simulator's stored records. Field names follow OneLogin's wire names so views stay thin;
 * timestamps are epoch milliseconds and are rendered as ISO strings only on the way out.
 */

export interface UserRecord {
  readonly id: number;
  username: string | null;
  email: string | null;
  firstname: string;
  lastname: string;
  title: string;
  department: string;
  company: string;
  comment: string;
  phone: string;
  group_id: number | null;
  /** Kept sorted; mirrored by each role's `members`. */
  role_ids: number[];
  state: number;
  status: number;
  directory_id: number | null;
  trusted_idp_id: number | null;
  distinguished_name: string | null;
  samaccountname: string | null;
  userprincipalname: string | null;
  member_of: string | null;
  manager_ad_id: string | null;
  manager_user_id: number | null;
  external_id: string | null;
  openid_name: string | null;
  locale_code: string | null;
  preferred_locale_code: string | null;
  activated_at: number | null;
  created_at: number;
  updated_at: number;
  last_login: number | null;
  invitation_sent_at: number | null;
  password_changed_at: number | null;
  locked_until: number | null;
  invalid_login_attempts: number | null;
  custom_attributes: Record<string, string | null>;
  /** Passwords are never stored, only whether one was set. */
  has_password: boolean;
}

export interface RoleRecord {
  readonly id: number;
  name: string;
  /** Sorted user ids. */
  members: number[];
  /** Sorted user ids. */
  admins: number[];
  apps: number[];
  /** When members were added through the API; seeded members fall back to the user's created_at. */
  readonly addedAt: Map<number, number>;
  /** OneLogin refuses to delete some roles (403 ForbiddenError); the seeded "Default" role is one. */
  readonly undeletable: boolean;
}

export interface GroupRecord {
  readonly id: number;
  readonly name: string;
}

export interface AppRecord {
  readonly id: number;
  readonly name: string;
}

export interface EventRecord {
  readonly id: number;
  readonly created_at: number;
  readonly event_type_id: number;
  readonly user_id: number | null;
  readonly user_name: string | null;
  readonly actor_user_id: number | null;
  readonly actor_user_name: string | null;
  readonly actor_system: string;
  readonly app_id: number | null;
  readonly role_id: number | null;
  readonly group_id: number | null;
  readonly ipaddr: string | null;
  readonly risk_score: number | null;
  readonly notes: string | null;
  readonly client_id: string | null;
  readonly directory_id: number | null;
}

export interface EventTypeRecord {
  readonly id: number;
  readonly name: string;
  readonly description: string;
}
