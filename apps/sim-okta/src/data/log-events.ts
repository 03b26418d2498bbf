/**
 * @module Building System Log events: actors and targets from stored users and groups, the event catalog's
 * messages (reference §8, [OKTA-EVT]) and the client context every event carries.
 */
import type { Random } from '@switchboard/sim-kit';
import type { NewLogEvent } from './directory.js';
import type { GroupRecord, LogActor, LogTarget, UserRecord } from './records.js';

export const EVENT_MESSAGES: Readonly<Record<string, string>> = {
  'user.session.start': 'User login to Okta',
  'user.session.end': 'User logout from Okta',
  'user.authentication.sso': 'User single sign on to app',
  'user.authentication.auth_via_mfa': 'Authentication of user via MFA',
  'policy.evaluate_sign_on': 'Evaluation of sign-on policy',
  'user.lifecycle.create': 'Create okta user',
  'user.lifecycle.activate': 'Activate Okta user',
  'user.lifecycle.reactivate': 'Reactivate Okta user',
  'user.lifecycle.deactivate': 'Deactivate Okta user',
  'user.lifecycle.suspend': 'Suspend Okta user',
  'user.lifecycle.unsuspend': 'Unsuspend Okta user',
  'user.lifecycle.delete.initiated': 'Delete Okta user initiated',
  'user.lifecycle.password_mass_expiry': 'Expire password',
  'user.account.lock': 'Max sign in attempts exceeded',
  'user.account.unlock': 'Unlock user account',
  'user.account.update_profile': 'Update user profile for Okta',
  'user.account.reset_password': "Fired when the user's Okta password is reset",
  'user.mfa.factor.activate': 'Activate factor or authenticator',
  'group.user_membership.add': 'Add user to group membership',
  'group.user_membership.remove': 'Remove user from group membership',
  'application.user_membership.add': 'Add user to application membership',
  'user.account.privilege.grant': 'Grant user privilege',
  'user.account.privilege.revoke': 'Revoke user privilege',
};

const LEGACY: Readonly<Record<string, string>> = {
  'user.session.start': 'core.user_auth.login_success',
  'user.session.end': 'core.user_auth.logout_success',
  'user.lifecycle.create': 'core.user.config.user_creation.success',
  'user.lifecycle.activate': 'core.user.config.user_activated',
  'user.lifecycle.deactivate': 'core.user.config.user_deactivated',
  'user.lifecycle.suspend': 'core.user.config.user_status.suspended',
  'user.lifecycle.unsuspend': 'core.user.config.user_status.unsuspended',
  'user.account.lock': 'core.user_auth.account_locked',
};

const CITIES = [
  { city: 'San Francisco', state: 'California', country: 'United States', postalCode: '94107' },
  { city: 'Berlin', state: 'Land Berlin', country: 'Germany', postalCode: '10115' },
  { city: 'Tokyo', state: 'Tokyo', country: 'Japan', postalCode: '100-0001' },
  { city: 'São Paulo', state: 'São Paulo', country: 'Brazil', postalCode: '01000-000' },
];

const AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'okta-sdk-nodejs/7.0.0 node/20.11.0 linux/6.5',
];

export function userActor(user: UserRecord): LogActor {
  return {
    id: user.id,
    type: 'User',
    alternateId: String(user.profile['login']),
    displayName: `${String(user.profile['firstName'])} ${String(user.profile['lastName'])}`,
  };
}

export const SYSTEM_ACTOR: LogActor = {
  id: '0oa1system00000000000',
  type: 'SystemPrincipal',
  alternateId: 'system@okta.com',
  displayName: 'Okta System',
};

export function userTarget(user: UserRecord): LogTarget {
  return { ...userActor(user), detailEntry: null };
}

export function groupTarget(group: GroupRecord): LogTarget {
  return {
    id: group.id,
    type: 'UserGroup',
    alternateId: 'unknown',
    displayName: group.profile.name,
    detailEntry: null,
  };
}

export function appTarget(appId: string, name: string): LogTarget {
  return { id: appId, type: 'AppInstance', alternateId: name, displayName: name, detailEntry: null };
}

export interface EventInput {
  readonly eventType: string;
  readonly actor: LogActor;
  readonly target: readonly LogTarget[] | null;
  readonly result?: string;
  readonly reason?: string | null;
  readonly ipAddress?: string;
}

/** A catalog event with its message, severity and client context; `random` picks place and browser. */
export function logEvent(input: EventInput, random: Random): NewLogEvent {
  const result = input.result ?? 'SUCCESS';
  return {
    eventType: input.eventType,
    legacyEventType: LEGACY[input.eventType] ?? null,
    severity: result === 'SUCCESS' || result === 'ALLOW' ? 'INFO' : 'WARN',
    displayMessage: EVENT_MESSAGES[input.eventType] ?? input.eventType,
    outcome: { result, reason: input.reason ?? null },
    actor: input.actor,
    target: input.target,
    ipAddress: input.ipAddress ?? `203.0.113.${random.int(1, 254)}`,
    userAgent: random.pick(AGENTS),
    geo: random.pick(CITIES),
  };
}
