import { describe, expect, it } from 'vitest';
import { items, readPages } from '../../../test/support/fake-pages.js';

describe('page pagination', () => {
  it('counts from 1 by default and stops on an empty page', async () => {
    const { pages, requests } = await readPages(
      `type: page
request: { in: query, name: page }`,
      (request) => {
        const page = Number((request.query as Record<string, string>)['page']);
        return { body: page <= 2 ? items(page * 10, 3) : [] };
      },
    );
    expect(requests.map((r) => (r.query as Record<string, string>)['page'])).toEqual(['1', '2', '3']);
    expect(pages.at(-1)).toMatchObject({ stop: 'empty_page', next: null });
  });

  it('counts from 0 and stops at the total page count from a header', async () => {
    const { requests, pages } = await readPages(
      `type: page
start: 0
request: { in: query, name: p }
total_pages: { type: header, name: Total-Pages }
page_size: { in: query, name: per_page, value: 3 }`,
      (request) => ({
        body: items(Number((request.query as Record<string, string>)['p']) * 10, 3),
        headers: { 'total-pages': '3' },
      }),
    );
    expect(requests.map((r) => r.query)).toEqual([
      { fixed: 'yes', per_page: '3', p: '0' },
      { fixed: 'yes', per_page: '3', p: '1' },
      { fixed: 'yes', per_page: '3', p: '2' },
    ]);
    expect(pages.at(-1)?.stop).toBe('total_pages');
  });

  it('stops on a short page when the page size is declared', async () => {
    const { pages } = await readPages(
      `type: page
request: { in: query, name: page }
page_size: { in: query, name: size, value: 3 }`,
      (_request, n) => ({ body: items(n * 10, n === 2 ? 1 : 3) }),
    );
    expect(pages).toHaveLength(2);
    expect(pages[1]?.stop).toBe('short_page');
  });

  it('reads the total page count from the body', async () => {
    const { pages } = await readPages(
      `type: page
request: { in: body, name: page }
total_pages: { type: body, path: meta.pages }`,
      (_request, n) => ({ body: { rows: items(n * 10, 2), meta: { pages: 2 } } }),
      { records: (b) => (b as { rows: unknown[] }).rows },
    );
    expect(pages.map((p) => p.request.body)).toEqual([{ page: 1 }, { page: 2 }]);
  });

  it('refuses an upstream that answers the same page whatever the page number', async () => {
    await expect(
      readPages(
        `type: page
request: { in: query, name: page }`,
        () => ({ body: items(1, 2) }),
      ),
    ).rejects.toMatchObject({ code: 'SB_ERR_PAGINATION_REPEATED_TOKEN' });
  });
});
