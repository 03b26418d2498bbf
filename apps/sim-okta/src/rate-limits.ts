/**
 * @module Okta counts calls per endpoint family and per minute (reference §4): one window each for users,
 * groups, the System Log and everything else. The budget fault sets them all at once.
 */
import { RateLimitWindow } from '@switchboard/sim-kit';

const MINUTE = 60_000;
export const FAMILIES = ['users', 'groups', 'logs', 'other'] as const;
export type Family = (typeof FAMILIES)[number];

export function familyOf(path: string): Family {
  if (path.startsWith('/api/v1/users')) return 'users';
  if (path.startsWith('/api/v1/groups')) return 'groups';
  if (path.startsWith('/api/v1/logs')) return 'logs';
  return 'other';
}

export class FamilyWindows {
  private readonly windows: Record<Family, RateLimitWindow>;

  constructor(limit: number) {
    this.windows = {
      users: new RateLimitWindow(limit, MINUTE),
      groups: new RateLimitWindow(limit, MINUTE),
      logs: new RateLimitWindow(limit, MINUTE),
      other: new RateLimitWindow(limit, MINUTE),
    };
  }

  for(family: Family): RateLimitWindow {
    return this.windows[family];
  }

  /** The per-family limit (what the `minute_budget` fault reads and writes). */
  get limit(): number {
    return this.windows.users.limit;
  }

  set limit(value: number) {
    for (const family of FAMILIES) this.windows[family].limit = value;
  }

  reset(): void {
    for (const family of FAMILIES) this.windows[family].reset();
  }
}
