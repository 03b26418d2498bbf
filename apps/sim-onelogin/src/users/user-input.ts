/**
 * @module Validates a create/update body against what each API version accepts, and answers with the
 * version's error wording: v2 `unknown attribute: X` (400) and `Validation failed: …` (422); v1
 * `{attribute, description}` field errors (400).
 */

import { isPlainObject } from '@switchboard/sim-kit';
import type { Directory } from '../data/directory.js';
import type { UserRecord } from '../data/records.js';
import type { Flavor } from '../wire/flavor.js';
import type { V1Message } from '../wire/v1-envelope.js';
import type { PatchableInteger, PatchableString, UserPatch } from './user-patch.js';

export interface InputError {
  readonly status: number;
  readonly message: V1Message;
}

export type InputResult = { readonly patch: UserPatch } | { readonly error: InputError };

/** Subdomain named in uniqueness messages ("must be unique within {subdomain}"). */
export const SUBDOMAIN = 'sim';

const V2_STRINGS: readonly PatchableString[] = [
  'username',
  'email',
  'firstname',
  'lastname',
  'title',
  'department',
  'company',
  'comment',
  'phone',
  'distinguished_name',
  'samaccountname',
  'userprincipalname',
  'member_of',
  'manager_ad_id',
  'external_id',
  'preferred_locale_code',
];
const V1_STRINGS: readonly PatchableString[] = [...V2_STRINGS, 'openid_name', 'locale_code'];
const INTEGERS: readonly PatchableInteger[] = [
  'group_id',
  'directory_id',
  'trusted_idp_id',
  'manager_user_id',
  'invalid_login_attempts',
];
/** Server-owned fields: accepted and ignored rather than refused, as clients often echo whole records. */
const IGNORED = new Set([
  'id',
  'created_at',
  'updated_at',
  'activated_at',
  'last_login',
  'invitation_sent_at',
  'password_changed_at',
  'locked_until',
]);
const V2_ONLY = new Set([
  'role_ids',
  'status',
  'password',
  'password_confirmation',
  'password_algorithm',
  'salt',
]);
const PASSWORD_ALGORITHMS = new Set(['salt+sha256', 'sha256+salt', 'bcrypt']);
const STATUSES = new Set([0, 1, 2, 3, 4, 5, 7, 8]);

export function readUserInput(
  body: unknown,
  flavor: Flavor,
  directory: Directory,
  existing: UserRecord | undefined,
): InputResult {
  const fail = failureFor(flavor);
  if (!isPlainObject(body)) return fail.badRequest('body', 'Input JSON is not valid');
  const strings = flavor === 'v2' ? V2_STRINGS : V1_STRINGS;
  const patch: UserPatch = { strings: {}, integers: {} };
  for (const [key, value] of Object.entries(body)) {
    if (IGNORED.has(key)) continue;
    const field = flavor === 'v1' && key === 'notes' ? 'comment' : key;
    if ((strings as readonly string[]).includes(field)) {
      if (value !== null && typeof value !== 'string' && typeof value !== 'number')
        return fail.type(key, 'string');
      patch.strings[field as PatchableString] = value === null ? null : String(value);
    } else if ((INTEGERS as readonly string[]).includes(field)) {
      if (value !== null && !Number.isInteger(value)) return fail.type(key, 'integer');
      patch.integers[field as PatchableInteger] = value as number | null;
    } else if (field === 'state' && (flavor === 'v2' || existing !== undefined)) {
      if (!Number.isInteger(value)) return fail.type(key, 'integer');
      patch.state = value as number;
    } else if (field === 'custom_attributes') {
      if (!isPlainObject(value)) return fail.type(key, 'object');
      patch.custom_attributes = {};
      for (const [name, attribute] of Object.entries(value)) {
        if (!directory.customAttributeNames.includes(name)) {
          return fail.invalid('custom_attributes', `Custom attribute ${name} does not exist`);
        }
        patch.custom_attributes[name] = attribute === null ? null : String(attribute);
      }
    } else if (flavor === 'v2' && V2_ONLY.has(field)) {
      const error = readV2Only(field, value, body, patch, fail);
      if (error !== undefined) return { error };
    } else {
      return fail.unknown(key);
    }
  }
  const error = checkRules(patch, flavor, directory, existing, fail);
  return error === undefined ? { patch } : { error };
}

function readV2Only(
  field: string,
  value: unknown,
  body: Record<string, unknown>,
  patch: UserPatch,
  fail: Failures,
): InputError | undefined {
  if (field === 'role_ids') {
    if (!Array.isArray(value) || !value.every((id) => Number.isInteger(id)))
      return fail.type(field, 'array').error;
    patch.role_ids = [...new Set(value as number[])].sort((a, b) => a - b);
  } else if (field === 'status') {
    if (!Number.isInteger(value)) return fail.type(field, 'integer').error;
    patch.status = value as number;
  } else if (field === 'password') {
    if (typeof value !== 'string' || value === '') return fail.type(field, 'string').error;
    if (body['password_confirmation'] === undefined) {
      return fail.invalid('password_confirmation', "Password confirmation can't be blank").error;
    }
    if (body['password_confirmation'] !== value) {
      return fail.invalid('password_confirmation', "Password confirmation doesn't match Password").error;
    }
    patch.password = value;
  } else if (field === 'password_algorithm') {
    if (typeof value !== 'string' || !PASSWORD_ALGORITHMS.has(value)) {
      return { status: 422, message: 'invalid value in "password_algorithm"' };
    }
  }
  return undefined;
}

function checkRules(
  patch: UserPatch,
  flavor: Flavor,
  directory: Directory,
  existing: UserRecord | undefined,
  fail: Failures,
): InputError | undefined {
  const { strings, integers } = patch;
  if (existing === undefined) {
    if (flavor === 'v1') {
      for (const name of ['firstname', 'lastname'] as const) {
        if (!strings[name]) return fail.invalid(name, `${name} can't be blank`).error;
      }
    }
    if (!strings.username && !strings.email) {
      return fail.invalid('email', 'a unique email or username is required').error;
    }
  }
  for (const field of ['username', 'email'] as const) {
    const value = strings[field];
    if (!value) continue;
    const holder = field === 'username' ? directory.userIdByUsername(value) : directory.userIdByEmail(value);
    if (holder !== undefined && holder !== existing?.id) {
      const label = field === 'username' ? 'Username' : 'Email';
      return fail.invalid(field, `${label} must be unique within ${SUBDOMAIN}`).error;
    }
  }
  if (integers.group_id != null && directory.groups.get(integers.group_id) === undefined) {
    return fail.invalid('group_id', `Group with ID ${integers.group_id} could not be found`).error;
  }
  const manager = integers.manager_user_id;
  if (manager != null && (manager === existing?.id || directory.users.get(manager) === undefined)) {
    return fail.invalid('manager_user_id', `Manager with ID ${manager} could not be found`).error;
  }
  const missingRole = patch.role_ids?.find((id) => directory.roles.get(id) === undefined);
  if (missingRole !== undefined)
    return fail.invalid('role_ids', `Role with ID ${missingRole} could not be found`).error;
  if (patch.status !== undefined && !STATUSES.has(patch.status))
    return fail.invalid('status', 'Status is invalid').error;
  if (patch.state !== undefined && (patch.state < 0 || patch.state > 3)) {
    return fail.invalid('state', 'State is invalid').error;
  }
  // Unlicensed (3) is reserved to Set User State (reference §6.2).
  if (patch.state === 3 && existing?.state !== 3) {
    return fail.invalid('state', 'State can only be set to unlicensed with Set User State').error;
  }
  return undefined;
}

interface Failures {
  badRequest(attribute: string, text: string): { error: InputError };
  unknown(attribute: string): { error: InputError };
  type(attribute: string, expected: string): { error: InputError };
  invalid(attribute: string, text: string): { error: InputError };
}

function failureFor(flavor: Flavor): Failures {
  if (flavor === 'v2') {
    return {
      badRequest: (_attribute, text) => ({ error: { status: 400, message: text } }),
      unknown: (attribute) => ({ error: { status: 400, message: `unknown attribute: ${attribute}` } }),
      type: (attribute, expected) => ({
        error: { status: 400, message: `${attribute} has incorrect data type. It should be -> ${expected}` },
      }),
      invalid: (_attribute, text) => ({ error: { status: 422, message: `Validation failed: ${text}` } }),
    };
  }
  const field = (attribute: string, description: string) => ({
    error: { status: 400, message: { attribute, description } },
  });
  return {
    badRequest: (_attribute, text) => ({ error: { status: 400, message: text } }),
    unknown: (attribute) => field(attribute, `${attribute} is not a valid attribute for user model`),
    type: (attribute, expected) =>
      field(attribute, `${attribute} has incorrect data type. It should be -> ${expected}`),
    invalid: field,
  };
}
