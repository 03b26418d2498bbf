import { describe, expect, it } from 'vitest';
import { items, readPages } from '../../../test/support/fake-pages.js';

describe('offset pagination', () => {
  it('advances by the page size and stops on a short page', async () => {
    const { requests, pages } = await readPages(
      `type: offset
request: { in: query, name: offset }
page_size: { in: query, name: limit, value: 4 }`,
      (request) => {
        const offset = Number((request.query as Record<string, string>)['offset']);
        return { body: items(offset, Math.max(0, Math.min(4, 10 - offset))) };
      },
    );
    expect(requests.map((r) => (r.query as Record<string, string>)['offset'])).toEqual(['0', '4', '8']);
    expect(pages.flatMap((p) => p.records)).toEqual(items(0, 10));
    expect(pages.at(-1)?.stop).toBe('short_page');
  });

  it('stops at the declared total without asking for an empty page', async () => {
    const { requests, pages } = await readPages(
      `type: offset
request: { in: query, name: skip }
page_size: { in: query, name: take, value: 5 }
total: { type: body, path: total }`,
      (request) => {
        const skip = Number((request.query as Record<string, string>)['skip']);
        return { body: { total: 10, rows: items(skip, 5) } };
      },
      { records: (b) => (b as { rows: unknown[] }).rows },
    );
    expect(requests).toHaveLength(2);
    expect(pages.at(-1)?.stop).toBe('total');
  });

  it('ends on an empty page even when a stop expression never holds', async () => {
    const { pages } = await readPages(
      `type: offset
request: { in: query, name: offset }
page_size: { in: query, name: limit, value: 2 }
stop: [{ type: expression, expression: "false" }]`,
      (_request, n) => ({ body: n === 1 ? items(0, 2) : [] }),
    );
    expect(pages.at(-1)?.stop).toBe('empty_page');
  });
});
