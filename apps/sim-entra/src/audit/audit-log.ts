/** @module Appends the directory audit entry a write through the API leaves, initiated by the calling app. */
import type { TargetResource } from '../data/records.js';
import type { SimContext } from '../http/context.js';
import { type AuditIds, auditEntry, byApp } from './audit-entry.js';

export function logAudit(context: SimContext, activity: string, targets: readonly TargetResource[]): void {
  const tenant = context.state.tenant;
  // The log stays in strict time order (pages are cut by time and id): a write in the same millisecond as the
  // previous entry is logged one millisecond later.
  const last = tenant.audits.at(-1)?.activityDateTime ?? Number.NEGATIVE_INFINITY;
  const at = Math.max(context.now(), last + 1);
  const ids = context.state.ids;
  const runtime: AuditIds = { guid: () => ids.guid(), suffix: () => ids.auditSuffix() };
  tenant.audits.push(auditEntry({ activity, at, initiatedBy: byApp(tenant.clientApp), targets }, runtime));
}
