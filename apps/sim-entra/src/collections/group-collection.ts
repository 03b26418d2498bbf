/** @module How `/groups` and `/groups/{id}/members` may be queried (filters, `$search`, orders, `$top` 1–999). */
import type { GroupRecord } from '../data/records.js';
import type { DirectoryObject } from '../data/tenant.js';
import type { CollectionRules } from '../odata/collection.js';
import type { FilterOperator, FilterSpec } from '../odata/filter-spec.js';
import { matchesSearch } from './text-search.js';

const TEXT: readonly FilterOperator[] = ['eq', 'ne', 'not', 'in', 'startswith', 'endswith'];

export const GROUP_FILTER: FilterSpec<GroupRecord> = {
  resource: 'Group',
  advanced: ['ne', 'not', 'endswith'],
  properties: {
    id: { type: 'string', ops: ['eq', 'ne', 'not', 'in'], read: (g) => g.id },
    displayName: { type: 'string', ops: TEXT, read: (g) => g.displayName },
    description: { type: 'string', ops: TEXT, read: (g) => g.description },
    mail: { type: 'string', ops: TEXT, read: (g) => g.mail },
    mailNickname: { type: 'string', ops: TEXT, read: (g) => g.mailNickname },
    mailEnabled: { type: 'boolean', ops: ['eq', 'ne', 'not'], read: (g) => g.mailEnabled },
    securityEnabled: { type: 'boolean', ops: ['eq', 'ne', 'not'], read: (g) => g.securityEnabled },
    isAssignableToRole: { type: 'boolean', ops: ['eq', 'ne', 'not'], read: (g) => g.isAssignableToRole },
    visibility: { type: 'string', ops: ['eq', 'ne', 'not', 'in'], read: (g) => g.visibility },
    createdDateTime: {
      type: 'datetime',
      ops: ['eq', 'ne', 'not', 'ge', 'le', 'in'],
      read: (g) => g.createdDateTime,
    },
  },
  lambdas: {
    groupTypes: {
      items: (g) => g.groupTypes,
      properties: { '': { type: 'string', ops: ['eq'], read: (item) => item } },
    },
  },
};

const SEARCHABLE: Readonly<Record<string, (group: GroupRecord) => unknown>> = {
  displayname: (g) => g.displayName,
  description: (g) => g.description,
  mail: (g) => g.mail,
  mailnickname: (g) => g.mailNickname,
};

export const GROUP_RULES: CollectionRules<GroupRecord> = {
  contextPath: 'groups',
  filter: GROUP_FILTER,
  search: (group, property, words) => matchesSearch(SEARCHABLE[property.toLowerCase()]?.(group), words),
  orders: {
    default: { key: (group) => [group.id], directions: [1] },
    displayname: { key: (group) => [group.displayName.toLowerCase(), group.id], directions: [1, 1] },
    'displayname desc': { key: (group) => [group.displayName.toLowerCase(), group.id], directions: [-1, -1] },
  },
  presorted: { default: 'stored' },
  top: { default: 100, max: 999 },
  directoryObjects: true,
};

/** Members are served in object-id order, so a keyset cursor survives additions and removals. */
export const MEMBER_RULES: CollectionRules<DirectoryObject> = {
  contextPath: 'directoryObjects',
  orders: { default: { key: (member) => [member.record.id], directions: [1] } },
  // The routes hand members over already in id order.
  presorted: { default: 'stored' },
  top: { default: 100, max: 999 },
  directoryObjects: true,
};
