/**
 * @module How `/users` may be queried: the filterable properties and operators (entra-api.md §3–§4; `ne`,
 * `not`, `endswith` are advanced), `$search` properties, `$orderby` choices and the `$top` range 1–999.
 */
import type { UserRecord } from '../data/records.js';
import type { CollectionRules } from '../odata/collection.js';
import type { FilterOperator, FilterSpec, PropertySpec } from '../odata/filter-spec.js';
import { matchesSearch } from './text-search.js';

const TEXT: readonly FilterOperator[] = ['eq', 'ne', 'not', 'in', 'startswith', 'endswith'];
const text = (read: (user: UserRecord) => unknown): PropertySpec<UserRecord> => ({
  type: 'string',
  ops: TEXT,
  read,
});

export const USER_FILTER: FilterSpec<UserRecord> = {
  resource: 'User',
  advanced: ['ne', 'not', 'endswith'],
  properties: {
    id: { type: 'string', ops: ['eq', 'ne', 'not', 'in'], read: (u) => u.id },
    userPrincipalName: text((u) => u.userPrincipalName),
    mail: text((u) => u.mail),
    displayName: text((u) => u.displayName),
    givenName: text((u) => u.givenName),
    surname: text((u) => u.surname),
    jobTitle: text((u) => u.jobTitle),
    department: text((u) => u.department),
    companyName: text((u) => u.companyName),
    employeeId: text((u) => u.employeeId),
    mailNickname: text((u) => u.mailNickname),
    officeLocation: text((u) => u.officeLocation),
    preferredLanguage: text((u) => u.preferredLanguage),
    usageLocation: text((u) => u.usageLocation),
    city: text((u) => u.city),
    country: text((u) => u.country),
    accountEnabled: { type: 'boolean', ops: ['eq', 'ne', 'not'], read: (u) => u.accountEnabled },
    userType: { type: 'string', ops: ['eq', 'ne', 'not', 'in'], read: (u) => u.userType },
    externalUserState: { type: 'string', ops: ['eq', 'ne', 'not', 'in'], read: (u) => u.externalUserState },
    creationType: { type: 'string', ops: ['eq', 'ne', 'not', 'in'], read: (u) => u.creationType },
    createdDateTime: {
      type: 'datetime',
      ops: ['eq', 'ne', 'not', 'ge', 'le', 'in'],
      read: (u) => u.createdDateTime,
    },
  },
  lambdas: {
    otherMails: {
      items: (u) => u.otherMails,
      properties: { '': { type: 'string', ops: ['eq', 'startswith'], read: (item) => item } },
    },
    businessPhones: {
      items: (u) => u.businessPhones,
      properties: { '': { type: 'string', ops: ['eq'], read: (item) => item } },
    },
  },
};

const SEARCHABLE: Readonly<Record<string, (user: UserRecord) => unknown>> = {
  displayname: (u) => u.displayName,
  mail: (u) => u.mail,
  userprincipalname: (u) => u.userPrincipalName,
  givenname: (u) => u.givenName,
  surname: (u) => u.surname,
  jobtitle: (u) => u.jobTitle,
  department: (u) => u.department,
  mailnickname: (u) => u.mailNickname,
};

const byText = (read: (user: UserRecord) => string | null, direction: 1 | -1) => ({
  key: (user: UserRecord) => [(read(user) ?? '').toLowerCase(), user.id],
  directions: [direction, direction] as const,
});

export const USER_RULES: CollectionRules<UserRecord> = {
  contextPath: 'users',
  filter: USER_FILTER,
  search: (user, property, words) => matchesSearch(SEARCHABLE[property.toLowerCase()]?.(user), words),
  orders: {
    default: { key: (user) => [user.id], directions: [1] },
    displayname: byText((u) => u.displayName, 1),
    'displayname desc': byText((u) => u.displayName, -1),
    userprincipalname: byText((u) => u.userPrincipalName, 1),
    'userprincipalname desc': byText((u) => u.userPrincipalName, -1),
  },
  presorted: { default: 'stored' },
  top: { default: 100, max: 999 },
  expandable: ['memberOf'],
  directoryObjects: true,
};
