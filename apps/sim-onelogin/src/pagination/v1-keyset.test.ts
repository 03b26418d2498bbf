import { describe, expect, it } from 'vitest';
import { decodeV1Cursor, encodeV1Cursor, keysetPage } from './v1-keyset.js';

const items = [2, 4, 6, 8, 10, 12, 14].map((id) => ({ id }));
const ids = (page: { data: { id: number }[] }) => page.data.map((item) => item.id);

describe('keysetPage', () => {
  it('round-trips the account/id cursor', () => {
    expect(decodeV1Cursor(encodeV1Cursor(189185, 904257546))).toBe(904257546);
    expect(decodeV1Cursor('bm90IGEgY3Vyc29y')).toBeUndefined();
  });

  it.each([
    ['first ascending page', { limit: 3, descending: false }, [2, 4, 6], false, true],
    ['after 6', { limit: 3, after: 6, descending: false }, [8, 10, 12], true, true],
    ['after 12 (last)', { limit: 3, after: 12, descending: false }, [14], true, false],
    ['before 8', { limit: 2, before: 8, descending: false }, [4, 6], true, true],
    ['before 4', { limit: 2, before: 4, descending: false }, [2], false, true],
    ['first descending page', { limit: 3, descending: true }, [14, 12, 10], false, true],
    ['descending after 10', { limit: 3, after: 10, descending: true }, [8, 6, 4], true, true],
    ['descending before 8', { limit: 2, before: 8, descending: true }, [12, 10], true, true],
    ['cursor between ids', { limit: 2, after: 5, descending: false }, [6, 8], true, true],
  ])('%s', (_name, request, expected, hasBefore, hasAfter) => {
    const page = keysetPage(items, null, request);
    expect(ids(page)).toEqual(expected);
    expect(page.hasBefore).toBe(hasBefore);
    expect(page.hasAfter).toBe(hasAfter);
  });

  it('filters while paging and knows when no match remains', () => {
    const page = keysetPage(items, (item) => item.id % 4 === 0, { limit: 2, descending: false });
    expect(ids(page)).toEqual([4, 8]);
    expect(page.hasAfter).toBe(true);
    const last = keysetPage(items, (item) => item.id % 4 === 0, { limit: 2, after: 8, descending: false });
    expect(ids(last)).toEqual([12]);
    expect(last.hasAfter).toBe(false);
  });

  it('stays inside an index range', () => {
    expect(ids(keysetPage(items, null, { limit: 10, descending: false }, { from: 2, to: 5 }))).toEqual([
      6, 8, 10,
    ]);
  });
});
