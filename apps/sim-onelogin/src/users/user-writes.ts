/**
 * @module Applies validated patches. Status follows OneLogin's visible rules: created without a password →
 * 7 (password pending), with one → 1; setting a password later activates a pending, expired or reset-required
 * user; leaving status 3 clears the lock.
 */
import type { Directory } from '../data/directory.js';
import type { UserRecord } from '../data/records.js';
import type { UserPatch } from './user-patch.js';

/** Statuses a fresh password resolves: unactivated, password expired, awaiting reset, password pending. */
const CLEARED_BY_PASSWORD = new Set([0, 4, 5, 7]);

export function createUser(directory: Directory, patch: UserPatch, now: number): UserRecord {
  const { strings, integers } = patch;
  const username = strings.username ?? null;
  const email = strings.email ?? null;
  const hasPassword = patch.password !== undefined;
  const status = patch.status ?? (hasPassword ? 1 : 7);
  const customAttributes: Record<string, string | null> = {};
  for (const name of directory.customAttributeNames)
    customAttributes[name] = patch.custom_attributes?.[name] ?? null;
  const user: UserRecord = {
    id: directory.nextUserId(),
    username,
    email,
    firstname: strings.firstname ?? '',
    lastname: strings.lastname ?? '',
    title: strings.title ?? '',
    department: strings.department ?? '',
    company: strings.company ?? '',
    comment: strings.comment ?? '',
    phone: strings.phone ?? '',
    group_id: integers.group_id ?? null,
    role_ids: [],
    state: patch.state ?? 1,
    status,
    directory_id: integers.directory_id ?? null,
    trusted_idp_id: integers.trusted_idp_id ?? null,
    distinguished_name: strings.distinguished_name ?? null,
    samaccountname: strings.samaccountname ?? null,
    userprincipalname: strings.userprincipalname ?? null,
    member_of: strings.member_of ?? null,
    manager_ad_id: strings.manager_ad_id ?? null,
    manager_user_id: integers.manager_user_id ?? null,
    external_id: strings.external_id ?? null,
    openid_name: strings.openid_name ?? (username || email?.split('@')[0] || null),
    locale_code: strings.locale_code ?? null,
    preferred_locale_code: strings.preferred_locale_code ?? null,
    activated_at: status === 1 ? now : null,
    created_at: now,
    updated_at: now,
    last_login: null,
    // "An invite email is not sent when users are created via this API."
    invitation_sent_at: null,
    password_changed_at: hasPassword ? now : null,
    locked_until: null,
    invalid_login_attempts: integers.invalid_login_attempts ?? 0,
    custom_attributes: customAttributes,
    has_password: hasPassword,
  };
  directory.addUser(user);
  if (patch.role_ids !== undefined) directory.setUserRoles(user, patch.role_ids, now);
  return user;
}

export function updateUser(directory: Directory, user: UserRecord, patch: UserPatch, now: number): void {
  const { strings, integers } = patch;
  if ('username' in strings || 'email' in strings) {
    directory.rename(user, {
      username: 'username' in strings ? (strings.username ?? null) : user.username,
      email: 'email' in strings ? (strings.email ?? null) : user.email,
    });
  }
  for (const [field, value] of Object.entries(strings)) {
    if (field === 'username' || field === 'email') continue;
    const key = field as keyof typeof strings;
    // Text fields that real records keep as "" never become null.
    (user as unknown as Record<string, string | null>)[key] = value ?? (isTextField(key) ? '' : null);
  }
  for (const [field, value] of Object.entries(integers)) {
    (user as unknown as Record<string, number | null>)[field] = value ?? null;
  }
  if (patch.custom_attributes !== undefined) Object.assign(user.custom_attributes, patch.custom_attributes);
  if (patch.role_ids !== undefined) directory.setUserRoles(user, patch.role_ids, now);
  if (patch.state !== undefined) user.state = patch.state;
  if (patch.password !== undefined) setPassword(user, now, patch.status === undefined);
  if (patch.status !== undefined) setStatus(user, patch.status, now);
  user.updated_at = now;
}

export function setPassword(user: UserRecord, now: number, adjustStatus = true): void {
  user.has_password = true;
  user.password_changed_at = now;
  if (adjustStatus && CLEARED_BY_PASSWORD.has(user.status)) setStatus(user, 1, now);
  user.updated_at = now;
}

export function setStatus(user: UserRecord, status: number, now: number): void {
  if (status !== 3) {
    user.locked_until = null;
    if (user.status === 3) user.invalid_login_attempts = 0;
  }
  if (status === 1) user.activated_at ??= now;
  user.status = status;
}

/** Locks a user for `minutes` (0 = until unlocked by an admin, as without a policy period). */
export function lockUser(user: UserRecord, minutes: number, now: number): void {
  user.status = 3;
  user.locked_until = minutes === 0 ? null : now + minutes * 60_000;
  user.updated_at = now;
}

function isTextField(field: string): boolean {
  return ['firstname', 'lastname', 'title', 'department', 'company', 'comment', 'phone'].includes(field);
}
