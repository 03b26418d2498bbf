import { describe, expect, it } from 'vitest';
import { createCursorCodec } from '../cursor/cursor-codec.js';
import { CARRY_MAX_BYTES, carriedThen, carryRest } from './carry.js';
import type { SourcePage } from './page-source.js';

const response = { status: 200, headers: {}, body: null, url: 'test:', durationMs: 0 };

function page(records: unknown[], parent?: unknown): SourcePage {
  return {
    position: { index: 2, state: 'page-3' },
    next: { index: 3, state: 'page-4' },
    label: 'users.list',
    records,
    response,
    ...(parent === undefined ? {} : { parent }),
  };
}

describe('carryRest', () => {
  it('carries the rest of the page it stopped in, the skip counting into the carried records', () => {
    const last = page([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]);
    expect(carryRest({ position: last.position, skip: [2, 1] }, last)).toEqual({
      p: last.position,
      s: [0, 1],
      r: { records: [{ id: 3 }, { id: 4 }], n: last.next, o: 2 },
    });
  });

  it('points into the page (read again next time) when the rest is over the cap', () => {
    const big = 'x'.repeat(Math.ceil(CARRY_MAX_BYTES / 3));
    const last = page([{ id: 1 }, { big }, { big }, { big }]);
    expect(carryRest({ position: last.position, skip: [1, 0] }, last)).toEqual({
      p: last.position,
      s: [1, 0],
    });
    // The same rest fits once the first big record is returned.
    expect(carryRest({ position: last.position, skip: [2, 0] }, last).r?.records).toHaveLength(2);
  });

  it('counts the fan-out parent against the cap and carries it with the records', () => {
    const last = page([{ id: 1 }, { id: 2 }], { id: 'role-7' });
    expect(carryRest({ position: last.position, skip: [1, 0] }, last).r).toEqual({
      records: [{ id: 2 }],
      n: last.next,
      parent: { id: 'role-7' },
      o: 1,
    });
    expect(carryRest({ position: last.position, skip: [1, 0] }, last, { budget: 20 }).r).toBeUndefined();
    expect(carryRest({ position: last.position, skip: [1, 0] }, last, { withParent: false }).r).toEqual({
      records: [{ id: 2 }],
      n: last.next,
      o: 1,
    });
  });

  it('counts the positions around the page against the cap: long next links leave a cursor the API accepts', () => {
    const codec = createCursorCodec('k'.repeat(32));
    // A link-paged upstream echoes a long filter in each next link.
    const link = (n: number) => `https://upstream.test/v1/audits?$filter=${'x'.repeat(2000)}&$skiptoken=${n}`;
    const records = Array.from({ length: 40 }, (_, i) => ({ id: `record-${i}`, name: 'y'.repeat(40) }));
    const last: SourcePage = {
      ...page(records),
      position: { index: 2, state: link(2) },
      next: { index: 3, state: link(3) },
    };
    const next = carryRest({ position: last.position, skip: [1, 0] }, last);
    const cursor = codec.encode({ q: 'binding', ...next });
    expect(codec.decode(cursor, 'binding').p).toEqual(last.position);
  });

  it('carries records that came from the cursor again whatever the budget, so none is returned twice', async () => {
    const last = page([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]);
    const first = carryRest({ position: last.position, skip: [1, 0] }, last);
    const served: SourcePage[] = [];
    for await (const p of carriedThen(
      first.r!,
      { position: first.p as never, label: 'users.list' },
      async function* () {},
    )) {
      served.push(p);
    }
    const fromCursor = served[0]!;
    // A later call that may not carry (budget 0) still carries: its skip counts into the carried records.
    expect(carryRest({ position: fromCursor.position, skip: [1, 0] }, fromCursor, { budget: 0 })).toEqual({
      p: last.position,
      s: [0, 0],
      // Two records into the upstream page: the first call returned one, this one another.
      r: { records: [{ id: 3 }, { id: 4 }], n: last.next, o: 2 },
    });
  });

  it('carries nothing when the next call starts on another page', () => {
    const last = page([{ id: 1 }]);
    const next = { index: 3, state: 'page-4' };
    expect(carryRest({ position: next, skip: [0, 0] }, last)).toEqual({ p: next, s: [0, 0] });
  });
});

describe('carriedThen', () => {
  it('serves the carried records first, then the pages from where they end', async () => {
    const seen: unknown[] = [];
    const after = async function* (start: unknown) {
      seen.push(start);
      yield page([{ id: 9 }]);
    };
    const carried = { records: [{ id: 3 }], n: { index: 3, state: 'page-4' } };
    const pages = [];
    for await (const each of carriedThen(carried, { position: { index: 2, state: 'p' }, label: 'x' }, after))
      pages.push(each.records);
    expect(pages).toEqual([[{ id: 3 }], [{ id: 9 }]]);
    expect(seen).toEqual([{ index: 3, state: 'page-4' }]);
  });

  it('fetches nothing after carried records that end the listing', async () => {
    const after = (): AsyncGenerator<SourcePage> => {
      throw new Error('nothing may be fetched');
    };
    const pages = [];
    for await (const each of carriedThen(
      { records: [{ id: 3 }], n: null },
      { position: { index: 0, state: null }, label: 'x' },
      after,
    ))
      pages.push(each);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.next).toBeNull();
  });
});
