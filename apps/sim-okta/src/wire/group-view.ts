/** @module A group as Okta returns it (`objectClass` by type, `source` for APP_GROUP, `_links`). */
import { iso } from '@switchboard/sim-kit';
import type { GroupRecord } from '../data/records.js';

export function groupView(group: GroupRecord, origin: string): Record<string, unknown> {
  const self = `${origin}/api/v1/groups/${group.id}`;
  return {
    id: group.id,
    created: iso(group.created),
    lastUpdated: iso(group.lastUpdated),
    lastMembershipUpdated: iso(group.lastMembershipUpdated),
    objectClass: [group.type === 'APP_GROUP' ? 'okta:windows_security_principal' : 'okta:user_group'],
    type: group.type,
    profile: group.profile,
    ...(group.sourceId === null ? {} : { source: { id: group.sourceId } }),
    _links: {
      logo: [
        { name: 'medium', href: `${origin}/assets/img/logos/groups/okta-medium.png`, type: 'image/png' },
        { name: 'large', href: `${origin}/assets/img/logos/groups/okta-large.png`, type: 'image/png' },
      ],
      users: { href: `${self}/users` },
      apps: { href: `${self}/apps` },
      ...(group.sourceId === null ? {} : { source: { href: `${origin}/api/v1/apps/${group.sourceId}` } }),
    },
  };
}
