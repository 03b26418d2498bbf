/** @module The user a valid `POST /users` body creates: Graph's defaults for everything not sent. */
import { secondsIso } from '../data/graph-time.js';
import type { UserRecord } from '../data/records.js';
import type { UserChanges } from './user-input.js';

/** `changes` has passed `readUserChanges` for a create, so the required properties are there. */
export function newUser(changes: UserChanges, now: number, id: string): UserRecord {
  const f = changes.fields as Record<string, unknown>;
  return {
    id,
    userPrincipalName: f['userPrincipalName'] as string,
    displayName: f['displayName'] as string,
    givenName: (f['givenName'] as string | null | undefined) ?? null,
    surname: (f['surname'] as string | null | undefined) ?? null,
    jobTitle: (f['jobTitle'] as string | null | undefined) ?? null,
    department: (f['department'] as string | null | undefined) ?? null,
    companyName: (f['companyName'] as string | null | undefined) ?? null,
    employeeId: (f['employeeId'] as string | null | undefined) ?? null,
    mail: (f['mail'] as string | null | undefined) ?? null,
    mailNickname: f['mailNickname'] as string,
    otherMails: (f['otherMails'] as string[] | undefined) ?? [],
    businessPhones: (f['businessPhones'] as string[] | undefined) ?? [],
    mobilePhone: (f['mobilePhone'] as string | null | undefined) ?? null,
    officeLocation: (f['officeLocation'] as string | null | undefined) ?? null,
    preferredLanguage: (f['preferredLanguage'] as string | null | undefined) ?? null,
    usageLocation: (f['usageLocation'] as string | null | undefined) ?? null,
    city: (f['city'] as string | null | undefined) ?? null,
    country: (f['country'] as string | null | undefined) ?? null,
    accountEnabled: f['accountEnabled'] as boolean,
    userType: (f['userType'] as UserRecord['userType'] | undefined) ?? 'Member',
    externalUserState: null,
    externalUserStateChangeDateTime: null,
    creationType: null,
    createdDateTime: secondsIso(now),
    onPremisesSyncEnabled: null,
    password: changes.password as string,
    forceChangePasswordNextSignIn: changes.forceChangePasswordNextSignIn ?? true,
  };
}
