/** @module A role assignment as `GET /api/v1/users/{id}/roles` lists it. */
import { iso } from '@switchboard/sim-kit';
import type { RoleAssignmentRecord } from '../data/records.js';

export function roleView(
  role: RoleAssignmentRecord,
  userId: string,
  origin: string,
): Record<string, unknown> {
  return {
    id: role.id,
    label: role.label,
    type: role.type,
    status: 'ACTIVE',
    created: iso(role.created),
    lastUpdated: iso(role.lastUpdated),
    assignmentType: role.assignmentType,
    _links: { assignee: { href: `${origin}/api/v1/users/${userId}` } },
  };
}
