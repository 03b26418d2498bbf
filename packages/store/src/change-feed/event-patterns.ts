/**
 * @module Which events a webhook receives: exact types (`role_assignment.created`), a family (`user.*`) or
 * everything (`*`).
 */

export const EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deleted',
  'group.created',
  'group.updated',
  'group.deleted',
  'role_assignment.created',
  'role_assignment.deleted',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** True when `type` is one of `patterns`. */
export function matchesEventPatterns(patterns: readonly string[], type: string): boolean {
  return patterns.some(
    (pattern) =>
      pattern === '*' ||
      pattern === type ||
      (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1))),
  );
}

/** A pattern that can match some event: an exact type, `family.*` of a known family, or `*`. */
export function isEventPattern(pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return EVENT_TYPES.some((type) => type.startsWith(pattern.slice(0, -1)));
  return (EVENT_TYPES as readonly string[]).includes(pattern);
}
