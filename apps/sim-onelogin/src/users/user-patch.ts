/** @module A validated change to a user, produced by user-input and applied by user-writes. */

export interface UserPatch {
  strings: Partial<Record<PatchableString, string | null>>;
  integers: Partial<Record<PatchableInteger, number | null>>;
  state?: number;
  status?: number;
  role_ids?: number[];
  custom_attributes?: Record<string, string | null>;
  /** Never stored; only its presence matters. */
  password?: string;
}

export type PatchableString =
  | 'username'
  | 'email'
  | 'firstname'
  | 'lastname'
  | 'title'
  | 'department'
  | 'company'
  | 'comment'
  | 'phone'
  | 'distinguished_name'
  | 'samaccountname'
  | 'userprincipalname'
  | 'member_of'
  | 'manager_ad_id'
  | 'external_id'
  | 'openid_name'
  | 'locale_code'
  | 'preferred_locale_code';

export type PatchableInteger =
  | 'group_id'
  | 'directory_id'
  | 'trusted_idp_id'
  | 'manager_user_id'
  | 'invalid_login_attempts';
