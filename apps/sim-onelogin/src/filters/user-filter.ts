/**
 * @module Builds one predicate from the user-list query parameters of either API version. Filtering scans;
 * paging stays index-based.
 */

import type { QueryMap } from '@switchboard/sim-kit';
import type { UserRecord } from '../data/records.js';
import type { Flavor } from '../wire/flavor.js';
import { integerListParam, integerParam, timeParam } from './query-values.js';
import { wildcardMatcher } from './wildcard.js';

export type UserPredicate = (user: UserRecord) => boolean;

type TextField =
  | 'email'
  | 'username'
  | 'firstname'
  | 'lastname'
  | 'samaccountname'
  | 'external_id'
  | 'userprincipalname'
  | 'manager_ad_id'
  | 'member_of';

const TEXT_FILTERS: Readonly<Record<Flavor, readonly TextField[]>> = {
  v1: [
    'email',
    'username',
    'firstname',
    'lastname',
    'samaccountname',
    'external_id',
    'userprincipalname',
    'manager_ad_id',
  ],
  v2: ['email', 'username', 'firstname', 'lastname', 'samaccountname', 'external_id', 'member_of'],
};

/** Timestamp bounds per version: parameter name → field, and whether it is a lower bound. */
const TIME_FILTERS: Readonly<
  Record<Flavor, readonly [string, 'created_at' | 'updated_at' | 'last_login', 'since' | 'until'][]>
> = {
  v1: [
    ['since', 'created_at', 'since'],
    ['until', 'created_at', 'until'],
  ],
  v2: [
    ['created_since', 'created_at', 'since'],
    ['created_until', 'created_at', 'until'],
    ['updated_since', 'updated_at', 'since'],
    ['updated_until', 'updated_at', 'until'],
    ['last_login_since', 'last_login', 'since'],
    ['last_login_until', 'last_login', 'until'],
  ],
};

/** `null` when no filter applies (the fast path: pages straight from the sorted array). Throws BadFilter. */
export function buildUserFilter(query: QueryMap, flavor: Flavor): UserPredicate | null {
  const checks: UserPredicate[] = [];
  for (const field of TEXT_FILTERS[flavor]) {
    const raw = query.get(field);
    if (raw === undefined || raw === '') continue;
    const matches = wildcardMatcher(raw);
    checks.push((user) => matches(user[field]));
  }
  for (const [name, field, bound] of TIME_FILTERS[flavor]) {
    const at = timeParam(name, query.get(name));
    if (at === undefined) continue;
    checks.push(
      bound === 'since'
        ? (user) => user[field] !== null && (user[field] as number) >= at
        : (user) => user[field] !== null && (user[field] as number) <= at,
    );
  }
  const directoryId = integerParam('directory_id', query.get('directory_id'));
  if (directoryId !== undefined) checks.push((user) => user.directory_id === directoryId);
  const ids = integerListParam(
    flavor === 'v1' ? 'id' : 'user_ids',
    query.get(flavor === 'v1' ? 'id' : 'user_ids'),
  );
  if (ids !== undefined) checks.push((user) => ids.has(user.id));
  const roleParam = flavor === 'v1' ? 'role_id' : 'role_ids';
  const roles = integerListParam(roleParam, query.get(roleParam));
  if (roles !== undefined) checks.push((user) => user.role_ids.some((id) => roles.has(id)));
  if (flavor === 'v2') {
    const groupId = integerParam('group_id', query.get('group_id'));
    if (groupId !== undefined) checks.push((user) => user.group_id === groupId);
    for (const [key, raw] of query) {
      if (!key.startsWith('custom_attributes.') || raw === '') continue;
      const shortname = key.slice('custom_attributes.'.length);
      const matches = wildcardMatcher(raw);
      checks.push((user) => matches(user.custom_attributes[shortname]));
    }
  }
  if (checks.length === 0) return null;
  return (user) => checks.every((check) => check(user));
}
