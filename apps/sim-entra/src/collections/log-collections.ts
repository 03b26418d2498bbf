/**
 * @module How the two logs may be queried (entra-api.md §7). Both answer newest first; directory audits also
 * take `$orderby=activityDateTime [asc|desc]`. Date-times are compared with `eq`/`ge`/`le` only (`lt`/`gt`
 * are not documented). Sign-ins page 1,000 at most (and by default).
 */
import type { DirectoryAuditRecord, SignInRecord, TargetResource } from '../data/records.js';
import type { CollectionRules } from '../odata/collection.js';

const newestFirst = <T>(time: (record: T) => number, id: (record: T) => string) => ({
  key: (record: T) => [time(record), id(record)],
  directions: [-1, -1] as const,
});
const oldestFirst = <T>(time: (record: T) => number, id: (record: T) => string) => ({
  key: (record: T) => [time(record), id(record)],
  directions: [1, 1] as const,
});

export const AUDIT_RULES: CollectionRules<DirectoryAuditRecord> = {
  contextPath: 'auditLogs/directoryAudits',
  filter: {
    resource: 'DirectoryAudit',
    properties: {
      id: { type: 'string', ops: ['eq'], read: (a) => a.id },
      activityDateTime: { type: 'datetime', ops: ['eq', 'ge', 'le'], read: (a) => a.activityDateTime },
      activityDisplayName: { type: 'string', ops: ['eq', 'startswith'], read: (a) => a.activityDisplayName },
      category: { type: 'string', ops: ['eq'], read: (a) => a.category },
      correlationId: { type: 'string', ops: ['eq'], read: (a) => a.correlationId },
      result: { type: 'string', ops: ['eq'], read: (a) => a.result },
      loggedByService: { type: 'string', ops: ['eq'], read: (a) => a.loggedByService },
      'initiatedBy/user/id': { type: 'string', ops: ['eq'], read: (a) => a.initiatedBy.user?.id ?? null },
      'initiatedBy/user/displayName': {
        type: 'string',
        ops: ['eq'],
        read: (a) => a.initiatedBy.user?.displayName ?? null,
      },
      'initiatedBy/user/userPrincipalName': {
        type: 'string',
        ops: ['eq', 'startswith'],
        read: (a) => a.initiatedBy.user?.userPrincipalName ?? null,
      },
      'initiatedBy/app/appId': { type: 'string', ops: ['eq'], read: (a) => a.initiatedBy.app?.appId ?? null },
      'initiatedBy/app/displayName': {
        type: 'string',
        ops: ['eq'],
        read: (a) => a.initiatedBy.app?.displayName ?? null,
      },
    },
    lambdas: {
      targetResources: {
        items: (a) => a.targetResources,
        properties: {
          id: { type: 'string', ops: ['eq'], read: (t) => (t as TargetResource).id },
          displayName: {
            type: 'string',
            ops: ['eq', 'startswith'],
            read: (t) => (t as TargetResource).displayName,
          },
          userPrincipalName: {
            type: 'string',
            ops: ['eq', 'startswith'],
            read: (t) => (t as TargetResource).userPrincipalName,
          },
        },
      },
    },
  },
  orders: {
    default: newestFirst(
      (a: DirectoryAuditRecord) => a.activityDateTime,
      (a) => a.id,
    ),
    activitydatetime: oldestFirst(
      (a: DirectoryAuditRecord) => a.activityDateTime,
      (a) => a.id,
    ),
    'activitydatetime desc': newestFirst(
      (a: DirectoryAuditRecord) => a.activityDateTime,
      (a) => a.id,
    ),
  },
  top: { default: 100, max: 1000 },
  directoryObjects: false,
};

export const SIGN_IN_RULES: CollectionRules<SignInRecord> = {
  contextPath: 'auditLogs/signIns',
  filter: {
    resource: 'SignIn',
    properties: {
      id: { type: 'string', ops: ['eq'], read: (s) => s.id },
      createdDateTime: { type: 'datetime', ops: ['eq', 'ge', 'le'], read: (s) => s.createdDateTime },
      userId: { type: 'string', ops: ['eq'], read: (s) => s.userId },
      userPrincipalName: { type: 'string', ops: ['eq', 'startswith'], read: (s) => s.userPrincipalName },
      userDisplayName: { type: 'string', ops: ['eq', 'startswith'], read: (s) => s.userDisplayName },
      appId: { type: 'string', ops: ['eq'], read: (s) => s.appId },
      appDisplayName: { type: 'string', ops: ['eq', 'startswith'], read: (s) => s.appDisplayName },
      ipAddress: { type: 'string', ops: ['eq', 'startswith'], read: (s) => s.ipAddress },
      correlationId: { type: 'string', ops: ['eq'], read: (s) => s.correlationId },
      clientAppUsed: { type: 'string', ops: ['eq'], read: (s) => s.clientAppUsed },
      conditionalAccessStatus: { type: 'string', ops: ['eq'], read: (s) => s.conditionalAccessStatus },
      isInteractive: { type: 'boolean', ops: ['eq'], read: (s) => s.isInteractive },
      'status/errorCode': { type: 'number', ops: ['eq'], read: (s) => s.errorCode },
      'location/city': { type: 'string', ops: ['eq', 'startswith'], read: (s) => s.location.city },
      'location/countryOrRegion': {
        type: 'string',
        ops: ['eq', 'startswith'],
        read: (s) => s.location.countryOrRegion,
      },
    },
  },
  orders: {
    default: newestFirst(
      (s: SignInRecord) => s.createdDateTime,
      (s) => s.id,
    ),
    createddatetime: oldestFirst(
      (s: SignInRecord) => s.createdDateTime,
      (s) => s.id,
    ),
    'createddatetime desc': newestFirst(
      (s: SignInRecord) => s.createdDateTime,
      (s) => s.id,
    ),
  },
  top: { default: 1000, max: 1000 },
  directoryObjects: false,
};
