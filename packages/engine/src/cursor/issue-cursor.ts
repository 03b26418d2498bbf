/**
 * @module The one place a list's next cursor is made: never longer than the codec accepts back, so a listing can
 * always go on. Carried data (`r`: the rest of a page, `a`: a fan-out's parent) only saves upstream calls, so
 * when the cursor with it would be too long it is dropped and the next call reads again what it held. A position
 * that is too long on its own (an upstream next link echoing a huge filter) cannot be shortened: the call fails
 * with `CursorTooLong` instead of answering a cursor the next call would refuse.
 */
import { CursorTooLong } from '../errors.js';
import { type CursorCodec, type CursorPayload, MAX_CURSOR_LENGTH } from './cursor-codec.js';
import type { CarriedPage, PageSkip, SourcePosition } from './list-position.js';

type Payload = Omit<CursorPayload, 'v'>;

/** What the failure names: the integration and the resource being listed. */
export interface CursorSite {
  integration: string;
  resource: string;
}

export function issueCursor(codec: CursorCodec, payload: Payload, site: CursorSite): string {
  const cursor = codec.encode(payload);
  if (cursor.length <= MAX_CURSOR_LENGTH) return cursor;
  const bare = withoutCarried(payload);
  const fallback = bare === undefined ? undefined : codec.encode(bare);
  if (fallback !== undefined && fallback.length <= MAX_CURSOR_LENGTH) return fallback;
  const length = (fallback ?? cursor).length;
  throw new CursorTooLong(`${site.integration} ${site.resource}`, {
    details: { ...site, cursor_length: length, max_cursor_length: MAX_CURSOR_LENGTH },
  });
}

/**
 * The same position without carried data: the skip then counts into the upstream page rather than into the
 * carried records (`o` says how many of the page's records came before them), exactly as the list collected it
 * before carrying. Undefined when there was nothing to drop, or a carried page does not say where it starts
 * (cursors issued before `o`).
 */
export function withoutCarried(payload: Payload): Payload | undefined {
  const { a: _parent, r, ...rest } = payload;
  if (r === undefined && !('a' in payload) && !hasCarriedSource(payload)) return undefined;
  const s = r === undefined ? payload.s : intoPage(payload.s, r);
  if (s === undefined) return undefined;
  if (!('m' in rest.p)) return { ...rest, s };
  const m: (SourcePosition | null)[] = [];
  for (const source of rest.p.m) {
    if (source === null || source.r === undefined) {
      m.push(source);
      continue;
    }
    const skip = intoPage(source.s, source.r);
    if (skip === undefined) return undefined;
    m.push({ p: source.p, s: skip });
  }
  return { ...rest, p: { m }, s };
}

function intoPage(skip: PageSkip, carried: CarriedPage): PageSkip | undefined {
  return carried.o === undefined ? undefined : [carried.o + skip[0], skip[1]];
}

function hasCarriedSource(payload: Payload): boolean {
  return 'm' in payload.p && payload.p.m.some((source) => source?.r !== undefined);
}
