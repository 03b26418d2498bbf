/**
 * @module Seeded users: a deterministic mix of members and guests with the awkward cases a connector must
 * survive placed at fixed indexes (see the README's "Seeded data").
 */
import { FIRST_NAMES, LAST_NAMES, type Random } from '@switchboard/sim-kit';
import { secondsIso } from './graph-time.js';
import { guidFrom } from './guid.js';
import type { ExternalUserState, UserRecord } from './records.js';
import type { TenantIdentity } from './tenant.js';

const DAY = 86_400_000;
const DEPARTMENTS = ['Engineering', 'Sales', 'Finance', 'Marketing', 'Support', 'Legal', 'Operations', 'R&D'];
const TITLES = ['Engineer', 'Manager', 'Analyst', 'Director', 'Consultant', 'Designer', 'Specialist'];
const OFFICES = ['Seattle 18/2111', 'London 3/401', 'Tokyo 7F', 'Berlin 2.14', null];
const LANGUAGES = ['en-US', 'en-GB', 'de-DE', 'ja-JP', 'fr-FR', null];
const PARTNERS = ['fabrikam.example', 'northwind.example', 'tailspin.example'];

/** The fixed cases, by index in seeding order (not id order); a seed of fewer users has fewer of them. */
export const SEEDED_CASES = {
  admin: 0,
  pendingGuest: 1,
  acceptedGuest: 2,
  disabledMember: 3,
  disabledPendingGuest: 4,
  noCreatedDate: 5,
  noMail: 6,
  noNames: 7,
  apostrophe: 8,
  unicode: 9,
} as const;

export function seedUsers(
  random: Random,
  count: number,
  identity: TenantIdentity,
  now: number,
): UserRecord[] {
  const domain = identity.verifiedDomains[1] ?? identity.initialDomain;
  const usedNicknames = new Set<string>();
  const users: UserRecord[] = [];
  for (let index = 0; index < count; index++) {
    const first = index === 0 ? FIRST_NAMES[0]! : random.pick(FIRST_NAMES);
    const last = index === 0 ? LAST_NAMES[0]! : random.pick(LAST_NAMES);
    let nickname = `${first.slug}.${last.slug}`;
    if (index === SEEDED_CASES.apostrophe) nickname = "liam.o'neil";
    for (let n = 2; usedNicknames.has(nickname); n++) nickname = `${first.slug}.${last.slug}${n}`;
    usedNicknames.add(nickname);

    const guest =
      index === SEEDED_CASES.pendingGuest ||
      index === SEEDED_CASES.acceptedGuest ||
      index === SEEDED_CASES.disabledPendingGuest ||
      (index > 9 && random.chance(0.06));
    const guestDomain = random.pick(PARTNERS);
    const pending =
      index === SEEDED_CASES.pendingGuest ||
      index === SEEDED_CASES.disabledPendingGuest ||
      (index > 9 && guest && random.chance(0.5));
    const externalState: ExternalUserState | null = guest
      ? pending
        ? 'PendingAcceptance'
        : 'Accepted'
      : null;
    const enabled =
      index !== SEEDED_CASES.disabledMember &&
      index !== SEEDED_CASES.disabledPendingGuest &&
      !(index > 9 && random.chance(0.08));
    const created = now - random.int(1, 3 * 365) * DAY - random.int(0, DAY - 1);
    const upn = guest ? `${nickname}_${guestDomain}#EXT#@${identity.initialDomain}` : `${nickname}@${domain}`;
    const displayName =
      index === SEEDED_CASES.noNames ? 'Conference Room Fuji' : `${first.display} ${last.display}`;
    const hasNames = index !== SEEDED_CASES.noNames;
    users.push({
      id: guidFrom(random),
      userPrincipalName: upn,
      displayName,
      givenName: hasNames ? first.display : null,
      surname: hasNames ? last.display : null,
      jobTitle: guest || !random.chance(0.85) ? null : random.pick(TITLES),
      department: guest || !random.chance(0.8) ? null : random.pick(DEPARTMENTS),
      companyName: guest ? guestDomain.split('.')[0]!.replace(/^./, (c) => c.toUpperCase()) : 'Acme',
      employeeId: guest || !random.chance(0.7) ? null : String(100_000 + index),
      mail:
        index === SEEDED_CASES.noMail || index === SEEDED_CASES.noNames
          ? null
          : guest
            ? `${nickname}@${guestDomain}`
            : `${nickname}@${domain}`,
      mailNickname: guest ? `${nickname}_${guestDomain}#EXT#` : nickname,
      otherMails: guest ? [`${nickname}@${guestDomain}`] : [],
      businessPhones:
        index === SEEDED_CASES.noMail || guest || !random.chance(0.7)
          ? []
          : [`+1 425 555 ${String(1000 + index).slice(-4)}`],
      mobilePhone: guest || !random.chance(0.4) ? null : `+1 206 555 ${String(2000 + index).slice(-4)}`,
      officeLocation: guest ? null : random.pick(OFFICES),
      preferredLanguage: random.pick(LANGUAGES),
      usageLocation: guest ? null : 'US',
      city: null,
      country: null,
      accountEnabled: enabled,
      userType: guest ? 'Guest' : 'Member',
      externalUserState: externalState,
      externalUserStateChangeDateTime: externalState === null ? null : secondsIso(created),
      creationType: guest ? 'Invitation' : null,
      createdDateTime: index === SEEDED_CASES.noCreatedDate ? null : secondsIso(created),
      onPremisesSyncEnabled: index > 9 && random.chance(0.15) ? true : null,
      password: `Seeded-${index}-Passw0rd!`,
      forceChangePasswordNextSignIn: false,
    });
  }
  return users;
}
