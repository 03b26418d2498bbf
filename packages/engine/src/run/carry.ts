/**
 * @module Serving the rest of a fetched page from the cursor (upstream economy where the page cannot be sized to
 * the answer: no page-size parameter, a limit above the declared page size, a mapping that yields several records
 * per upstream record or filters some out). When an answer stops inside a page, the page's remaining upstream
 * records go into the signed cursor if their JSON fits {@link CARRY_MAX_BYTES}; the next call serves them first
 * and only then fetches the page after them. Over the cap, the cursor points into the page as before and the next
 * call reads it again. Nothing is kept in server memory between calls.
 */
import type { CarriedPage, ListPosition, PageSkip } from '../cursor/list-position.js';
import type { UpstreamResponse } from '../http/upstream.js';
import { namesUsedBy } from '../mapping/expression.js';
import type { OperationPlan } from './operation-plan.js';
import type { SourcePage } from './page-source.js';

/**
 * At most this many bytes of upstream JSON ride in one cursor: about 4 KB once base64-encoded, so a cursor stays
 * well under the 8 KB a cursor (and a URL) may take.
 */
export const CARRY_MAX_BYTES = 3072;

/** What a carried page stands on instead of an upstream answer: nothing was fetched for it. */
const CARRIED_RESPONSE: UpstreamResponse = Object.freeze({
  status: 200,
  headers: Object.freeze({}) as Record<string, string>,
  body: undefined,
  url: 'cursor:',
  durationMs: 0,
});

/**
 * Whether records of this operation may be served from a cursor: not when its mapping or filter reads the page's
 * answer (`$body`, `$headers`), which a carried page does not have.
 */
export function mayCarry(operation: OperationPlan): boolean {
  let known = carryable.get(operation);
  if (known === undefined) {
    known = [operation.expressions.response, operation.expressions.filter].every((site) => {
      if (site === undefined) return true;
      const names = namesUsedBy(site.compiled);
      return !names.has('body') && !names.has('headers');
    });
    carryable.set(operation, known);
  }
  return known;
}

/** Plans are made once; what they read is looked up once per plan. */
const carryable = new WeakMap<OperationPlan, boolean>();

export interface NextStart {
  p: ListPosition;
  s: PageSkip;
  r?: CarriedPage;
}

/**
 * Where the next call starts: as collected, or — when that is inside the last page read and the rest of that page
 * (with its parent and the positions it stands between) fits in `budget` bytes — at the rest of that page, carried
 * (the skip then counts into the carried records).
 */
export function carryRest(
  next: { position: ListPosition; skip: PageSkip },
  last: SourcePage | undefined,
  { budget = CARRY_MAX_BYTES, withParent = true }: { budget?: number; withParent?: boolean } = {},
): NextStart {
  const plain = { p: next.position, s: next.skip };
  if (last === undefined || next.position !== last.position) return plain;
  const parent = withParent && last.parent !== undefined ? last.parent : undefined;
  // Records that came from the cursor are carried on whatever the budget: the skip counts into them, not into the
  // upstream page (pointing into the page would return records twice), and they are a tail of what the cursor
  // that brought them held, so the cursor stays within what the API accepts.
  if (last.response === CARRIED_RESPONSE) return carried(last, next.skip, parent);
  if (budget <= 0) return plain;
  const parentBytes = parent === undefined ? 0 : jsonBytes(parent);
  // The page's own position and the next one ride along too: next links are whole URLs (an upstream filter or a
  // long `remote_query` echoed in them), and a cursor over 8 KB would be refused by the very next call.
  const positionBytes = jsonBytes(last.position) + jsonBytes(last.next);
  if (!fits(last.records, next.skip[0], budget - parentBytes - positionBytes)) return plain;
  return carried(last, next.skip, parent);
}

function carried(last: SourcePage, skip: PageSkip, parent: unknown): NextStart {
  const rest: CarriedPage = { records: last.records.slice(skip[0]), n: last.next };
  if (parent !== undefined) rest.parent = parent;
  // Where the rest starts in the upstream page, so the cursor can still point into the page if it must drop the
  // records (`cursor/issue-cursor.ts`); unknown for records from a cursor that did not say.
  const before = last.response === CARRIED_RESPONSE ? last.offset : 0;
  if (before !== undefined) rest.o = before + skip[0];
  return { p: last.position, s: [0, skip[1]], r: rest };
}

/** The carried records as a page at `position` (where they came from), then the pages from where they end. */
export async function* carriedThen(
  carried: CarriedPage,
  { position, label, parent }: { position: ListPosition; label: string; parent?: unknown },
  after: (start: ListPosition) => AsyncIterable<SourcePage>,
): AsyncGenerator<SourcePage> {
  const page: SourcePage = {
    position,
    next: carried.n,
    label: `${label} (from the cursor)`,
    records: carried.records,
    response: CARRIED_RESPONSE,
  };
  const pageParent = carried.parent ?? parent;
  if (pageParent !== undefined) page.parent = pageParent;
  if (carried.o !== undefined) page.offset = carried.o;
  yield page;
  if (carried.n !== null) yield* after(carried.n);
}

/**
 * The pages from where a cursor (or a merged source's position in one) points: the rest of its page first when it
 * carries one ({@link carriedThen}), else `pagesFrom` its position (no cursor: from the first page).
 */
export function resumePages(
  from: { p: ListPosition; r?: CarriedPage | undefined } | undefined,
  page: { label: string; parent?: unknown },
  pagesFrom: (start: ListPosition | undefined) => AsyncIterable<SourcePage>,
): AsyncIterable<SourcePage> {
  return from?.r ? carriedThen(from.r, { ...page, position: from.p }, pagesFrom) : pagesFrom(from?.p);
}

/** The JSON size of a value in bytes (UTF-8), or Infinity for what JSON cannot hold. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? Number.POSITIVE_INFINITY : Buffer.byteLength(text, 'utf8');
}

/** Whether `records[from..]` as a JSON array fits in `budget` bytes; stops measuring as soon as it cannot. */
function fits(records: readonly unknown[], from: number, budget: number): boolean {
  let total = 2;
  for (let i = from; i < records.length && total <= budget; i++) total += jsonBytes(records[i]) + 1;
  return total <= budget;
}
