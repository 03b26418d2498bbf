/**
 * @module What `GET /api/v1/users` selects (reference §5): the plain listing hides DEPROVISIONED users;
 * `filter` allows `status`, `lastUpdated`, `id`, `profile.login|email|firstName|lastName` with `eq` (and
 * `gt/ge/lt/le` on `lastUpdated`), case-sensitive; `search` allows any profile attribute plus
 * `id,status,created,activated,statusChanged,lastUpdated` with `eq, sw, co (names, email, login only),
 * gt/ge/lt/le, pr`, case-insensitive; both include DEPROVISIONED users. `q` matches the start of
 * firstName, lastName or email and hides DEPROVISIONED users.
 */
import { iso } from '@switchboard/sim-kit';
import type { UserRecord } from '../data/records.js';
import {
  comparisons,
  type Expression,
  ExpressionError,
  matches,
  parseExpression,
} from './scim-expression.js';

const FILTER_ATTRIBUTES = new Set([
  'status',
  'lastUpdated',
  'id',
  'profile.login',
  'profile.email',
  'profile.firstName',
  'profile.lastName',
]);
const SEARCH_TOP_LEVEL = new Set(['id', 'status', 'created', 'activated', 'statusChanged', 'lastUpdated']);
const SEARCH_CONTAINS = new Set(['profile.firstName', 'profile.lastName', 'profile.email', 'profile.login']);
const TIMES = new Set([
  'created',
  'activated',
  'statusChanged',
  'lastUpdated',
  'lastLogin',
  'passwordChanged',
]);

export type UserSelection =
  | { readonly kind: 'plain' }
  | { readonly kind: 'filter' | 'search'; readonly expression: Expression }
  | { readonly kind: 'q'; readonly text: string };

/** Checks an expression against the rules of its parameter; throws {@link ExpressionError} when refused. */
export function parseUserSelection(kind: 'filter' | 'search', source: string): UserSelection {
  const expression = parseExpression(source);
  for (const comparison of comparisons(expression)) {
    const { attribute, op } = comparison;
    if (kind === 'filter') {
      if (!FILTER_ATTRIBUTES.has(attribute)) throw new ExpressionError(`cannot filter on ${attribute}`);
      if (op !== 'eq' && !(attribute === 'lastUpdated' && ['gt', 'ge', 'lt', 'le'].includes(op))) {
        throw new ExpressionError(`${op} is not allowed on ${attribute}`);
      }
    } else {
      if (!SEARCH_TOP_LEVEL.has(attribute) && !attribute.startsWith('profile.')) {
        throw new ExpressionError(`cannot search on ${attribute}`);
      }
      if (op === 'ne' || op === 'ew') throw new ExpressionError(`${op} is not supported`);
      if (op === 'co' && !SEARCH_CONTAINS.has(attribute))
        throw new ExpressionError(`co is not allowed on ${attribute}`);
    }
    if (TIMES.has(attribute) && op !== 'pr' && Number.isNaN(Date.parse(String(comparison.value)))) {
      throw new ExpressionError(`not a date: ${String(comparison.value)}`);
    }
  }
  return { kind, expression };
}

function read(user: UserRecord, attribute: string): unknown[] {
  if (attribute.startsWith('profile.')) return [user.profile[attribute.slice('profile.'.length)]];
  switch (attribute) {
    case 'id':
      return [user.id];
    case 'status':
      return [user.status];
    case 'created':
      return [iso(user.created)];
    case 'activated':
      return [iso(user.activated)];
    case 'statusChanged':
      return [iso(user.statusChanged)];
    case 'lastUpdated':
      return [iso(user.lastUpdated)];
    default:
      return [];
  }
}

export function selects(selection: UserSelection, user: UserRecord): boolean {
  switch (selection.kind) {
    case 'plain':
      return user.status !== 'DEPROVISIONED';
    case 'q': {
      if (user.status === 'DEPROVISIONED') return false;
      const text = selection.text.toLowerCase();
      return ['firstName', 'lastName', 'email'].some((key) =>
        String(user.profile[key] ?? '')
          .toLowerCase()
          .startsWith(text),
      );
    }
    default:
      return matches(selection.expression, {
        read: (attribute) => read(user, attribute),
        isTime: (attribute) => TIMES.has(attribute),
        ignoreCase: selection.kind === 'search',
      });
  }
}
