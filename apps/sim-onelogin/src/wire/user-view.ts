/**
 * @module Users on the wire. v1 and v2 differ in naming (`role_id` vs `role_ids`, v1-only `openid_name` and
 * `locale_code`) and in the empty role list (`null` in real v1 traffic, `[]` in v2). Key order follows the
 * recorded samples.
 */

import { iso } from '@switchboard/sim-kit';
import type { UserRecord } from '../data/records.js';

export function toV1User(user: UserRecord): Record<string, unknown> {
  return {
    activated_at: iso(user.activated_at),
    created_at: iso(user.created_at),
    email: user.email,
    username: user.username,
    firstname: user.firstname,
    group_id: user.group_id,
    id: user.id,
    invalid_login_attempts: user.invalid_login_attempts,
    invitation_sent_at: iso(user.invitation_sent_at),
    last_login: iso(user.last_login),
    lastname: user.lastname,
    locked_until: iso(user.locked_until),
    comment: user.comment,
    openid_name: user.openid_name,
    locale_code: user.locale_code,
    preferred_locale_code: user.preferred_locale_code,
    password_changed_at: iso(user.password_changed_at),
    phone: user.phone,
    status: user.status,
    updated_at: iso(user.updated_at),
    distinguished_name: user.distinguished_name,
    external_id: user.external_id,
    directory_id: user.directory_id,
    member_of: user.member_of,
    samaccountname: user.samaccountname,
    userprincipalname: user.userprincipalname,
    manager_ad_id: user.manager_ad_id,
    manager_user_id: user.manager_user_id,
    role_id: user.role_ids.length === 0 ? null : [...user.role_ids],
    company: user.company,
    department: user.department,
    title: user.title,
    state: user.state,
    trusted_idp_id: user.trusted_idp_id,
    custom_attributes: { ...user.custom_attributes },
  };
}

export function toV2User(user: UserRecord): Record<string, unknown> {
  return {
    activated_at: iso(user.activated_at),
    distinguished_name: user.distinguished_name,
    external_id: user.external_id,
    firstname: user.firstname,
    last_login: iso(user.last_login),
    lastname: user.lastname,
    company: user.company,
    directory_id: user.directory_id,
    invitation_sent_at: iso(user.invitation_sent_at),
    member_of: user.member_of,
    updated_at: iso(user.updated_at),
    preferred_locale_code: user.preferred_locale_code,
    created_at: iso(user.created_at),
    userprincipalname: user.userprincipalname,
    trusted_idp_id: user.trusted_idp_id,
    comment: user.comment,
    title: user.title,
    role_ids: [...user.role_ids],
    department: user.department,
    id: user.id,
    custom_attributes: { ...user.custom_attributes },
    invalid_login_attempts: user.invalid_login_attempts,
    manager_user_id: user.manager_user_id,
    locked_until: iso(user.locked_until),
    username: user.username,
    manager_ad_id: user.manager_ad_id,
    email: user.email,
    phone: user.phone,
    state: user.state,
    group_id: user.group_id,
    password_changed_at: iso(user.password_changed_at),
    status: user.status,
    samaccountname: user.samaccountname,
  };
}
