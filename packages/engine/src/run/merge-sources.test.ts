import { describe, expect, it } from 'vitest';
import { compareKeys, mergeSources } from './merge-sources.js';
import type { SourceOutput } from './source-outputs.js';

/** A source of records `ids`, one per page position; `after` of the last is null. */
async function* source(ids: string[]): AsyncGenerator<SourceOutput> {
  for (const [i, id] of ids.entries()) {
    const at = { p: { index: i, state: i === 0 ? null : i }, s: [0, 0] as const };
    const after = i + 1 < ids.length ? { p: { index: i + 1, state: i + 1 }, s: [0, 0] as const } : null;
    const page = { position: at.p, next: after?.p ?? null, label: 'test', records: [{ id }], response };
    yield { record: { id }, at, after, page };
  }
}

const response = { status: 200, headers: {}, body: null, url: 'test:', durationMs: 0 };

describe('mergeSources without order_by', () => {
  it('reads the sources one after the other and points the cursor at both', async () => {
    const merged = await mergeSources({
      sources: [source(['a1', 'a2']), source(['b1', 'b2'])],
      limit: 3,
      direction: 'asc',
      bindings: {},
    });
    expect(merged.records.map((r) => r['id'])).toEqual(['a1', 'a2', 'b1']);
    // The first source is exhausted; the second stands on its second record.
    expect(merged.next).toEqual({ m: [null, { p: { index: 1, state: 1 }, s: [0, 0] }] });
  });

  it('answers no cursor once every source is read', async () => {
    const merged = await mergeSources({
      sources: [source(['a1']), undefined, source(['c1'])],
      limit: 2,
      direction: 'asc',
      bindings: {},
    });
    expect(merged).toMatchObject({ records: [{ id: 'a1' }, { id: 'c1' }], next: null });
  });
});

describe('compareKeys', () => {
  it('orders instants by time, not text, and numbers numerically', () => {
    expect(compareKeys('2026-01-01T00:00:00.5Z', '2026-01-01T00:00:00Z')).toBeGreaterThan(0);
    expect(compareKeys(9, 10)).toBeLessThan(0);
    expect(compareKeys('b', 'a')).toBeGreaterThan(0);
    expect(compareKeys(undefined, 'a')).toBeLessThan(0);
  });
});
