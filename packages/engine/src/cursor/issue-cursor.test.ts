import { describe, expect, it } from 'vitest';
import { carriedThen, carryRest } from '../run/carry.js';
import type { SourcePage } from '../run/page-source.js';
import { createCursorCodec, MAX_CURSOR_LENGTH } from './cursor-codec.js';
import { issueCursor, withoutCarried } from './issue-cursor.js';

const codec = createCursorCodec('k'.repeat(32));
const site = { integration: 'acme', resource: 'user-directory/users' };
const response = { status: 200, headers: {}, body: null, url: 'test:', durationMs: 0 };
/** A next token of about this many characters, as an upstream echoing a long filter hands out. */
const token = (length: number, page: number) => `${'f'.repeat(length)}:${page}`;
const records = Array.from({ length: 8 }, (_, i) => ({ id: `u${i}`, note: 'n'.repeat(400) }));

function page(state: string, next: string): SourcePage {
  return {
    position: { index: 2, state },
    next: { index: 3, state: next },
    label: 'people.list',
    records,
    response,
  };
}

describe('issueCursor', () => {
  it('hands out the cursor as it is when it fits', () => {
    const last = page('a', 'b');
    const next = carryRest({ position: last.position, skip: [3, 0] }, last);
    const cursor = issueCursor(codec, { q: 'q', ...next }, site);
    expect(codec.read(cursor).r?.records).toHaveLength(5);
  });

  it('drops carried records that make it too long, the skip then counting into the upstream page', () => {
    const last = page(token(2500, 2), token(2500, 3));
    // Over the cap on purpose (a carry the budget would not allow): the records must go, the position stays.
    const next = carryRest({ position: last.position, skip: [3, 1] }, last, { budget: 100_000 });
    expect(codec.encode({ q: 'q', ...next }).length).toBeGreaterThan(MAX_CURSOR_LENGTH);
    const cursor = issueCursor(codec, { q: 'q', ...next }, site);
    expect(cursor.length).toBeLessThanOrEqual(MAX_CURSOR_LENGTH);
    // What the list collected before carrying: three records of the page returned, one output of the fourth.
    expect(codec.read(cursor)).toEqual({ v: 1, q: 'q', p: last.position, s: [3, 1] });
  });

  it('counts the records a cursor already dropped: a carried page served again keeps its place in the page', async () => {
    const last = page(token(2500, 2), token(2500, 3));
    const first = carryRest({ position: last.position, skip: [2, 0] }, last, { budget: 100_000 });
    const [fromCursor] = await pagesOf(
      carriedThen(first.r!, { position: last.position, label: 'x' }, noPages),
    );
    // The next call returned two more of the carried records (the page's third and fourth).
    const next = carryRest({ position: last.position, skip: [2, 0] }, fromCursor!);
    expect(next.r?.o).toBe(4);
    expect(codec.read(issueCursor(codec, { q: 'q', ...next, a: { id: 'parent' } }, site))).toEqual({
      v: 1,
      q: 'q',
      p: last.position,
      s: [4, 0],
    });
  });

  it('drops a carried fan-out parent that makes it too long', () => {
    const p = { parent: { index: 0, state: null }, at: 0, child: { index: 1, state: token(5000, 1) } };
    const cursor = issueCursor(codec, { q: 'q', p, s: [0, 0], a: { id: 'r', big: 'b'.repeat(3000) } }, site);
    expect(codec.read(cursor)).toEqual({ v: 1, q: 'q', p, s: [0, 0] });
  });

  it('drops the carried rest of every merged source, each skip counting into its page', () => {
    const state = token(3000, 1);
    const carried = { records: records.slice(5), n: { index: 1, state }, o: 5 };
    const p = {
      m: [
        { p: { index: 0, state }, s: [0, 0] as const, r: carried },
        null,
        { p: { index: 0, state: null }, s: [1, 0] as const },
      ],
    };
    expect(withoutCarried({ q: 'q', p, s: [0, 0] })?.p).toEqual({
      m: [{ p: { index: 0, state }, s: [5, 0] }, null, { p: { index: 0, state: null }, s: [1, 0] }],
    });
  });

  it('fails, naming the listing, when the position alone does not fit', () => {
    const p = { index: 1, state: token(7000, 1) };
    expect(() => issueCursor(codec, { q: 'q', p, s: [0, 0] }, site)).toThrow(
      expect.objectContaining({
        code: 'SB_ERR_CURSOR_TOO_LONG',
        details: expect.objectContaining({ ...site, max_cursor_length: MAX_CURSOR_LENGTH }),
      }),
    );
  });

  it('does not guess where carried records without an offset start (cursors issued before it)', () => {
    const p = { index: 1, state: token(2000, 1) };
    const r = { records: [{ big: 'b'.repeat(6000) }], n: null };
    expect(withoutCarried({ q: 'q', p, s: [0, 0], r })).toBeUndefined();
    expect(() => issueCursor(codec, { q: 'q', p, s: [0, 0], r }, site)).toThrow(
      expect.objectContaining({ code: 'SB_ERR_CURSOR_TOO_LONG' }),
    );
  });
});

async function* noPages(): AsyncGenerator<SourcePage> {}

async function pagesOf(pages: AsyncIterable<SourcePage>): Promise<SourcePage[]> {
  const out: SourcePage[] = [];
  for await (const each of pages) out.push(each);
  return out;
}
