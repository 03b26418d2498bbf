/**
 * @module A user as Okta returns it: ISO timestamps (null when never set), `type`, `profile`, `credentials`
 * (password `{}` when one is set, never its value) and status-dependent lifecycle `_links`.
 */
import { iso } from '@switchboard/sim-kit';
import type { UserRecord, UserStatus } from '../data/records.js';

export const USER_TYPE_ID = 'oty1simdefault0000000';

const LIFECYCLE_LINKS: Readonly<Record<UserStatus, readonly string[]>> = {
  STAGED: ['activate', 'deactivate'],
  PROVISIONED: ['reactivate', 'deactivate'],
  ACTIVE: ['suspend', 'resetPassword', 'expirePassword', 'deactivate'],
  RECOVERY: ['reactivate', 'resetPassword', 'deactivate'],
  LOCKED_OUT: ['unlock', 'resetPassword', 'deactivate'],
  PASSWORD_EXPIRED: ['resetPassword', 'deactivate'],
  SUSPENDED: ['unsuspend', 'deactivate'],
  DEPROVISIONED: ['activate'],
};

const LINK_PATHS: Readonly<Record<string, string>> = {
  resetPassword: 'reset_password',
  expirePassword: 'expire_password',
};

export function userView(user: UserRecord, origin: string): Record<string, unknown> {
  const self = `${origin}/api/v1/users/${user.id}`;
  const links: Record<string, unknown> = {};
  for (const name of LIFECYCLE_LINKS[user.status]) {
    links[name] = { href: `${self}/lifecycle/${LINK_PATHS[name] ?? name}`, method: 'POST' };
  }
  links['self'] = { href: self };
  return {
    id: user.id,
    status: user.status,
    created: iso(user.created),
    activated: iso(user.activated),
    statusChanged: iso(user.statusChanged),
    lastLogin: iso(user.lastLogin),
    lastUpdated: iso(user.lastUpdated),
    passwordChanged: iso(user.passwordChanged),
    type: { id: USER_TYPE_ID },
    profile: user.profile,
    credentials: {
      ...(user.hasPassword ? { password: {} } : {}),
      ...(user.hasRecoveryQuestion
        ? { recovery_question: { question: 'What is the food you least liked as a child?' } }
        : {}),
      provider: { type: 'OKTA', name: 'OKTA' },
    },
    _links: links,
  };
}
