import { describe, expect, it } from 'vitest';
import type { PagePosition } from '../http/pagination/strategy.js';
import { type Collected, collectRecords } from './collect-records.js';
import type { SourcePage } from './page-source.js';

// Upstream: three pages; record n flat-maps into n outputs (0 drops it).
const upstream = [[1, 0, 2], [3], [0, 1]];
const position = (index: number): PagePosition => ({ index, state: index === 0 ? null : index });

async function* pagesFrom(start: PagePosition): AsyncGenerator<SourcePage> {
  for (let index = start.index; index < upstream.length; index++) {
    yield {
      position: position(index),
      next: index + 1 < upstream.length ? position(index + 1) : null,
      label: 'x.list',
      records: upstream[index] as number[],
      response: { status: 200, headers: {}, body: null, url: 'https://a.test/x', durationMs: 0 },
    };
  }
}

const transform = async (record: unknown, page: SourcePage, out: unknown[]) => {
  for (let k = 0; k < (record as number); k++)
    out.push(`p${(page.position as PagePosition).index}r${record}o${k}`);
};

async function readAll(limit: number): Promise<string[]> {
  const all: string[] = [];
  let next: Collected<string>['next'] = { position: position(0), skip: [0, 0] };
  while (next) {
    const collected: Collected<string> = await collectRecords<string>({
      pages: pagesFrom(next.position as PagePosition),
      limit,
      skip: next.skip,
      transform,
    });
    all.push(...collected.records);
    next = collected.next;
  }
  return all;
}

describe('collectRecords', () => {
  it('returns every output exactly once for any limit, including inside a flat-mapped record', async () => {
    const expected = await readAll(100);
    expect(expected).toHaveLength(7);
    for (const limit of [1, 2, 3, 4, 6, 7]) expect(await readAll(limit)).toEqual(expected);
  });

  it('points the cursor inside a record, after a record, or at the next page', async () => {
    const inside = await collectRecords({ pages: pagesFrom(position(0)), limit: 2, transform });
    expect(inside.next).toEqual({ position: position(0), skip: [2, 1] });
    const atPageEnd = await collectRecords({ pages: pagesFrom(position(0)), limit: 3, transform });
    expect(atPageEnd.next).toEqual({ position: position(1), skip: [0, 0] });
    const atEnd = await collectRecords({ pages: pagesFrom(position(0)), limit: 7, transform });
    expect(atEnd.next).toBeNull();
  });
});
