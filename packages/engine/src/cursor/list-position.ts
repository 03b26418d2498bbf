/**
 * @module Where a list stands between two calls: the page to read next and how much of it was returned.
 * Everything here is plain JSON so it fits in a signed cursor.
 */
import type { PagePosition } from '../http/pagination/strategy.js';

/** A fan-out position: the parent page, the parent's index in it, and the child page of that parent. */
export interface FanOutPosition {
  parent: PagePosition;
  at: number;
  child: PagePosition;
}

export type ListPosition = PagePosition | FanOutPosition;

/** Where one source of a merged list stands: its page and what of it was returned; null once it is exhausted. */
export interface SourcePosition {
  p: PagePosition;
  s: PageSkip;
  /** The rest of that page, carried (`s` then counts into it). */
  r?: CarriedPage;
}

/** A merged list's position: every source's, in declaration order. */
export interface MergedPosition {
  m: (SourcePosition | null)[];
}

/**
 * Records already returned from the page at the position, counted after mapping, flat-map and filter:
 * `[upstream records whose outputs were all returned, outputs already returned from the next upstream record]`.
 * Kept as a pair so a resumed read skips those records without mapping them again.
 */
export type PageSkip = readonly [records: number, outputs: number];

export const NO_SKIP: PageSkip = Object.freeze([0, 0]) as PageSkip;

export function isPagePosition(value: unknown): value is PagePosition {
  if (value === null || typeof value !== 'object') return false;
  const { index, state } = value as Record<string, unknown>;
  return (
    isCount(index) &&
    (state === null || typeof state === 'string' || (typeof state === 'number' && Number.isFinite(state)))
  );
}

export function isFanOutPosition(value: unknown): value is FanOutPosition {
  if (value === null || typeof value !== 'object') return false;
  const { parent, at, child } = value as Record<string, unknown>;
  return isPagePosition(parent) && isCount(at) && isPagePosition(child);
}

export function isPageSkip(value: unknown): value is PageSkip {
  return Array.isArray(value) && value.length === 2 && isCount(value[0]) && isCount(value[1]);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function isMergedPosition(value: unknown): value is MergedPosition {
  if (value === null || typeof value !== 'object') return false;
  const { m } = value as Record<string, unknown>;
  return (
    Array.isArray(m) &&
    m.length > 0 &&
    m.every(
      (source) =>
        source === null ||
        (typeof source === 'object' &&
          isPagePosition((source as Record<string, unknown>)['p']) &&
          isPageSkip((source as Record<string, unknown>)['s']) &&
          isCarriedSourcePage((source as Record<string, unknown>)['r'])),
    )
  );
}

/** A merged source's carried page: absent, or flat (its next position a page position). */
function isCarriedSourcePage(value: unknown): boolean {
  return value === undefined || (isCarriedPage(value) && (value.n === null || isPagePosition(value.n)));
}

/**
 * The rest of a fetched upstream page, carried in a cursor so the next call serves it without fetching the page
 * again (bounded by `run/carry.ts`, signed with the rest of the cursor).
 */
export interface CarriedPage {
  /** The upstream records not yet fully returned, as they came (the cursor's skip counts into these). */
  records: unknown[];
  /** Where the page after them is; null when they end the listing. */
  n: ListPosition | null;
  /** The fan-out parent of the page (`$parent`), when it had one. */
  parent?: unknown;
  /**
   * How many records of the upstream page at the position come before `records`: what lets a cursor drop the
   * carried records and point into the page instead (`cursor/issue-cursor.ts`). Absent in cursors issued before.
   */
  o?: number;
}

export function isCarriedPage(value: unknown): value is CarriedPage {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { records, n, o } = value as Record<string, unknown>;
  return (
    Array.isArray(records) &&
    records.length > 0 &&
    (n === null || isPagePosition(n) || isFanOutPosition(n)) &&
    (o === undefined || isCount(o))
  );
}
