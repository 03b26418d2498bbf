/**
 * @module Validating `POST /users` and `PATCH /users/{id}` bodies (entra-api.md §4): required properties on
 * create, writable properties and their types, verified UPN domains, unique UPNs, password complexity.
 * Wording where the reference leaves it open follows Graph's usual messages; clients key on status 400.
 */
import { isPlainObject } from '@switchboard/sim-kit';
import type { UserRecord } from '../data/records.js';
import type { Tenant } from '../data/tenant.js';
import { badRequest, GraphError } from '../wire/graph-error.js';

type Kind = 'string' | 'nullable-string' | 'boolean' | 'string-array';

const WRITABLE: Readonly<Record<string, Kind>> = {
  accountEnabled: 'boolean',
  displayName: 'string',
  givenName: 'nullable-string',
  surname: 'nullable-string',
  jobTitle: 'nullable-string',
  department: 'nullable-string',
  companyName: 'nullable-string',
  employeeId: 'nullable-string',
  mail: 'nullable-string',
  mailNickname: 'string',
  otherMails: 'string-array',
  businessPhones: 'string-array',
  mobilePhone: 'nullable-string',
  officeLocation: 'nullable-string',
  preferredLanguage: 'nullable-string',
  usageLocation: 'nullable-string',
  city: 'nullable-string',
  country: 'nullable-string',
  userPrincipalName: 'string',
  userType: 'string',
};
const READ_ONLY = new Set([
  'id',
  'createdDateTime',
  'externalUserState',
  'externalUserStateChangeDateTime',
  'creationType',
  'onPremisesSyncEnabled',
  'signInActivity',
]);

export const REQUIRED_ON_CREATE = [
  'accountEnabled',
  'displayName',
  'mailNickname',
  'passwordProfile',
  'userPrincipalName',
] as const;

const invalidValue = (property: string) =>
  badRequest(`Invalid value specified for property '${property}' of resource 'User'.`);

export interface UserChanges {
  readonly fields: Partial<Record<keyof typeof WRITABLE, unknown>>;
  readonly password?: string;
  readonly forceChangePasswordNextSignIn?: boolean;
}

export function unreadablePayload(): GraphError {
  return new GraphError(
    400,
    'BadRequest',
    'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
  );
}

/** Checks a user body; `existing` is the user being updated (absent on create). */
export function readUserChanges(body: unknown, tenant: Tenant, existing?: UserRecord): UserChanges {
  if (!isPlainObject(body)) throw unreadablePayload();
  const fields: Record<string, unknown> = {};
  let password: string | undefined;
  let force: boolean | undefined;
  for (const [property, value] of Object.entries(body)) {
    if (property.startsWith('@odata.')) continue;
    if (READ_ONLY.has(property)) throw badRequest(`Property '${property}' is read-only and cannot be set.`);
    if (property === 'passwordProfile') {
      if (!isPlainObject(value) || typeof value['password'] !== 'string') {
        throw badRequest('A password must be specified to create a new user.');
      }
      password = value['password'];
      const forceValue = value['forceChangePasswordNextSignIn'];
      if (forceValue !== undefined && typeof forceValue !== 'boolean') throw invalidValue('passwordProfile');
      force = forceValue ?? true;
      continue;
    }
    const kind = WRITABLE[property];
    if (kind === undefined) {
      throw badRequest(`Property '${property}' does not exist as a declared property or extension property.`);
    }
    const ok =
      kind === 'boolean'
        ? typeof value === 'boolean'
        : kind === 'string'
          ? typeof value === 'string' && value.trim() !== ''
          : kind === 'nullable-string'
            ? value === null || typeof value === 'string'
            : Array.isArray(value) && value.every((item) => typeof item === 'string');
    if (!ok) throw invalidValue(property);
    fields[property] = value;
  }

  if (existing === undefined) {
    for (const property of REQUIRED_ON_CREATE) {
      if (property === 'passwordProfile') {
        if (password === undefined) throw badRequest('A password must be specified to create a new user.');
      } else if (!(property in fields)) {
        throw invalidValue(property);
      }
    }
  }
  if (Array.isArray(fields['businessPhones']) && (fields['businessPhones'] as unknown[]).length > 1) {
    throw invalidValue('businessPhones');
  }
  if (fields['userType'] !== undefined && !['Member', 'Guest'].includes(fields['userType'] as string)) {
    throw invalidValue('userType');
  }
  if (
    typeof fields['mailNickname'] === 'string' &&
    !/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]{1,64}$/.test(fields['mailNickname'])
  ) {
    throw invalidValue('mailNickname');
  }
  if (typeof fields['userPrincipalName'] === 'string')
    checkUpn(fields['userPrincipalName'], tenant, existing);
  if (password !== undefined) checkPassword(password);
  return {
    fields,
    ...(password === undefined ? {} : { password }),
    ...(force === undefined ? {} : { forceChangePasswordNextSignIn: force }),
  };
}

function checkUpn(upn: string, tenant: Tenant, existing: UserRecord | undefined): void {
  const at = upn.lastIndexOf('@');
  const local = upn.slice(0, at);
  const domain = upn.slice(at + 1).toLowerCase();
  // ASCII only, no spaces; `#EXT#` appears only in guest UPNs on the initial domain.
  if (
    at < 1 ||
    !/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+$/.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.')
  ) {
    throw invalidValue('userPrincipalName');
  }
  if (!tenant.identity.verifiedDomains.includes(domain)) {
    throw badRequest(
      'The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.',
    );
  }
  const taken = tenant.findUser(upn);
  if (taken !== undefined && taken.id !== existing?.id) {
    throw badRequest('Another object with the same value for property userPrincipalName already exists.');
  }
}

/** Entra's default policy: 8–256 characters, at least three of lower, upper, digit, symbol. */
function checkPassword(password: string): void {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) =>
    pattern.test(password),
  ).length;
  if (password.length < 8 || password.length > 256 || classes < 3) {
    throw badRequest(
      'The specified password does not comply with password complexity requirements. Please provide a different password.',
    );
  }
}
