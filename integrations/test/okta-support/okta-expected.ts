/**
 * @module What the unified records must be, written independently of the mapping from the simulator's stored
 * data and the tables of okta-api.md §9 (so a mapping bug cannot hide behind itself).
 */
import type { GroupRecord, UserRecord } from '@switchboard/sim-okta';

/** §9.2, row by row. */
export const STATUS_TABLE: Readonly<Record<string, string>> = {
  ACTIVE: 'active',
  STAGED: 'invited',
  PROVISIONED: 'invited',
  RECOVERY: 'locked',
  PASSWORD_EXPIRED: 'locked',
  LOCKED_OUT: 'locked',
  SUSPENDED: 'suspended',
  DEPROVISIONED: 'deleted',
};

const MAPPED = new Set([
  'login',
  'email',
  'secondEmail',
  'firstName',
  'lastName',
  'displayName',
  'title',
  'department',
  'mobilePhone',
]);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const iso = (ms: number | null): string | undefined => (ms === null ? undefined : new Date(ms).toISOString());

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

export function expectedUser(user: UserRecord): Record<string, unknown> {
  const p = user.profile;
  const first = text(p['firstName']);
  const last = text(p['lastName']);
  const emails = [
    text(p['email']) && { email: p['email'], type: 'work', is_primary: true },
    text(p['secondEmail']) && { email: p['secondEmail'], type: 'other', is_primary: false },
  ].filter(Boolean);
  const custom = Object.fromEntries(
    Object.entries(p).filter(([key, value]) => !MAPPED.has(key) && value !== null && value !== ''),
  );
  return compact({
    id: user.id,
    username: text(p['login']),
    first_name: first,
    last_name: last,
    name: text(p['displayName']) ?? ([first, last].filter(Boolean).join(' ') || undefined),
    title: text(p['title']),
    department: text(p['department']),
    emails: emails.length > 0 ? emails : undefined,
    phones: text(p['mobilePhone']) ? [{ number: p['mobilePhone'], type: 'mobile' }] : undefined,
    status: STATUS_TABLE[user.status],
    custom_fields: Object.keys(custom).length > 0 ? custom : undefined,
    last_login_at: iso(user.lastLogin),
    created_at: iso(user.created),
    updated_at: iso(user.lastUpdated),
  });
}

export function expectedGroup(group: GroupRecord): Record<string, unknown> {
  return compact({
    id: group.id,
    name: group.profile.name,
    description: group.profile.description ?? undefined,
    type: 'group',
    created_at: iso(group.created),
    updated_at: iso(group.lastUpdated),
  });
}
