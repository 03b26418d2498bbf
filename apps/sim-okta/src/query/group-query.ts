/**
 * @module What `GET /api/v1/groups` selects (reference §6): `filter` on `id`, `type`, `lastUpdated`,
 * `lastMembershipUpdated` (`eq`; time comparisons on the two times); `search` on those and `profile.*`,
 * case-insensitive; `q` = name starts with.
 */
import { iso } from '@switchboard/sim-kit';
import type { GroupRecord } from '../data/records.js';
import {
  comparisons,
  type Expression,
  ExpressionError,
  matches,
  parseExpression,
} from './scim-expression.js';

const TIMES = new Set(['lastUpdated', 'lastMembershipUpdated', 'created']);
const FILTER_ATTRIBUTES = new Set(['id', 'type', 'lastUpdated', 'lastMembershipUpdated']);

export type GroupSelection =
  | { readonly kind: 'all' }
  | { readonly kind: 'filter' | 'search'; readonly expression: Expression }
  | { readonly kind: 'q'; readonly text: string };

export function parseGroupSelection(kind: 'filter' | 'search', source: string): GroupSelection {
  const expression = parseExpression(source);
  for (const { attribute, op } of comparisons(expression)) {
    const known =
      FILTER_ATTRIBUTES.has(attribute) ||
      (kind === 'search' && (attribute.startsWith('profile.') || attribute === 'created'));
    if (!known) throw new ExpressionError(`cannot ${kind} on ${attribute}`);
    if (
      kind === 'filter' &&
      op !== 'eq' &&
      !(TIMES.has(attribute) && ['gt', 'ge', 'lt', 'le'].includes(op))
    ) {
      throw new ExpressionError(`${op} is not allowed on ${attribute}`);
    }
  }
  return { kind, expression };
}

function read(group: GroupRecord, attribute: string): unknown[] {
  if (attribute.startsWith('profile.')) return [group.profile[attribute.slice('profile.'.length)]];
  switch (attribute) {
    case 'id':
      return [group.id];
    case 'type':
      return [group.type];
    case 'created':
      return [iso(group.created)];
    case 'lastUpdated':
      return [iso(group.lastUpdated)];
    case 'lastMembershipUpdated':
      return [iso(group.lastMembershipUpdated)];
    default:
      return [];
  }
}

export function selectsGroup(selection: GroupSelection, group: GroupRecord): boolean {
  if (selection.kind === 'all') return true;
  if (selection.kind === 'q')
    return group.profile.name.toLowerCase().startsWith(selection.text.toLowerCase());
  return matches(selection.expression, {
    read: (attribute) => read(group, attribute),
    isTime: (attribute) => TIMES.has(attribute),
    ignoreCase: selection.kind === 'search',
  });
}
