/**
 * @module Validating user bodies the way Okta reports problems: 400 E0000001 `Api validation failed: <field>`
 * with one `errorCause` per problem (`<field>: <message>`), the duplicate-login wording clients match on, and
 * the default password policy (8 characters, lower case, upper case, a digit).
 */
import { isPlainObject } from '@switchboard/sim-kit';
import type { Profile } from '../data/records.js';
import { type OktaError, OktaErrors } from '../wire/okta-errors.js';

export const DUPLICATE_LOGIN = 'login: An object with this field already exists in the current organization';
const REQUIRED = ['login', 'email', 'firstName', 'lastName'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface UserInput {
  readonly profile: Profile | undefined;
  readonly password: string | undefined;
  readonly recoveryQuestion: boolean;
  readonly groupIds: readonly string[];
}

function invalid(causes: string[]): OktaError {
  const field = causes[0]?.split(':')[0] ?? 'body';
  return OktaErrors.validation(field, causes);
}

function passwordProblems(password: string, login: string | undefined): string[] {
  const local = (login ?? '').split('@')[0]?.toLowerCase() ?? '';
  const weak =
    password.length < 8 ||
    !/[a-z]/.test(password) ||
    !/[A-Z]/.test(password) ||
    !/[0-9]/.test(password) ||
    (local.length >= 3 && password.toLowerCase().includes(local));
  return weak
    ? [
        'password: Password requirements were not met. Password requirements: at least 8 characters, a lowercase letter, an uppercase letter, a number, no parts of your username.',
      ]
    : [];
}

/**
 * Reads a create (`complete` = true, also a PUT) or partial-update body; a partial update is checked against the
 * profile the user would end up with (`current` merged with what is sent).
 */
export function readUserInput(
  body: Record<string, unknown>,
  options: { complete: boolean; current?: Profile },
): UserInput | OktaError {
  const causes: string[] = [];
  const { profile, credentials, groupIds } = body;
  if (profile !== undefined && !isPlainObject(profile)) return OktaErrors.malformedBody;
  if (options.complete && profile === undefined) causes.push('profile: The field cannot be left blank');
  const given = (profile ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(given)) {
    const ok =
      value === null ||
      ['string', 'number', 'boolean'].includes(typeof value) ||
      (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (!ok) causes.push(`${key}: Does not match required pattern`);
  }
  const merged = options.complete ? given : { ...(options.current ?? {}), ...given };
  for (const key of REQUIRED) {
    const value = merged[key];
    if ((options.complete || key in given) && (typeof value !== 'string' || value.trim() === '')) {
      causes.push(`${key}: The field cannot be left blank`);
    }
  }
  const login = merged['login'];
  if (typeof login === 'string' && login.trim() !== '') {
    if (!EMAIL.test(login)) causes.push('login: Username must be in the form of an email address');
    else if (login.length < 5 || login.length > 100)
      causes.push('login: Username must be between 5 and 100 characters');
  }
  const email = merged['email'];
  if (typeof email === 'string' && email.trim() !== '' && !EMAIL.test(email)) {
    causes.push('email: Does not match required pattern');
  }
  let password: string | undefined;
  let recoveryQuestion = false;
  if (credentials !== undefined) {
    if (!isPlainObject(credentials)) return OktaErrors.malformedBody;
    const pw = credentials['password'];
    if (pw !== undefined) {
      const value = isPlainObject(pw) ? pw['value'] : undefined;
      if (typeof value !== 'string') causes.push('password: The field cannot be left blank');
      else {
        password = value;
        causes.push(...passwordProblems(value, typeof login === 'string' ? login : undefined));
      }
    }
    recoveryQuestion = isPlainObject(credentials['recovery_question']);
  }
  if (
    groupIds !== undefined &&
    !(Array.isArray(groupIds) && groupIds.every((id) => typeof id === 'string'))
  ) {
    causes.push('groupIds: Does not match required pattern');
  }
  if (causes.length > 0) return invalid(causes);
  return {
    profile: profile === undefined ? undefined : (merged as Profile),
    password,
    recoveryQuestion,
    groupIds: (groupIds as string[] | undefined) ?? [],
  };
}

export function isOktaError(value: unknown): value is OktaError {
  return isPlainObject(value) && typeof value['code'] === 'string' && typeof value['status'] === 'number';
}
