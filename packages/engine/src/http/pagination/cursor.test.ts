import { describe, expect, it } from 'vitest';
import { items, readPages } from '../../../test/support/fake-pages.js';

describe('cursor pagination', () => {
  it('reads the token from a header and sends it as a query parameter with a fixed page size', async () => {
    const { pages, requests } = await readPages(
      `type: cursor
cursor: { type: header, name: After-Cursor }
request: { in: query, name: cursor }
page_size: { in: query, name: limit, value: 2 }`,
      (_request, n) => ({ body: items(n * 10, 2), headers: n < 3 ? { 'after-cursor': `c${n}` } : {} }),
    );
    expect(requests.map((r) => r.query)).toEqual([
      { fixed: 'yes', limit: '2' },
      { fixed: 'yes', limit: '2', cursor: 'c1' },
      { fixed: 'yes', limit: '2', cursor: 'c2' },
    ]);
    expect(pages.map((p) => p.position)).toEqual([
      { index: 0, state: null },
      { index: 1, state: 'c1' },
      { index: 2, state: 'c2' },
    ]);
    expect(pages.at(-1)).toMatchObject({ next: null, stop: 'empty_cursor' });
  });

  it('reads the token from a body path and sends it in a header or a JSON body', async () => {
    const header = await readPages(
      `type: cursor
cursor: { type: body, path: meta.next }
request: { in: header, name: X-Page-Token }`,
      (_request, n) => ({ body: { data: items(n, 1), meta: { next: n < 2 ? `tok${n}` : null } } }),
      { records: (body) => (body as { data: unknown[] }).data },
    );
    expect(header.requests[1]?.headers).toEqual({ 'X-Page-Token': 'tok1' });
    expect(header.pages).toHaveLength(2);

    const body = await readPages(
      `type: cursor
cursor: { type: body, path: next }
request: { in: body, name: after }
page_size: { in: body, name: size, value: 5 }`,
      (_request, n) => ({ body: { rows: items(n, 5), next: n < 2 ? `b${n}` : '' } }),
      { records: (b) => (b as { rows: unknown[] }).rows },
    );
    expect(body.requests.map((r) => r.body)).toEqual([{ size: 5 }, { size: 5, after: 'b1' }]);
  });

  it('refuses a token it has already followed', async () => {
    await expect(
      readPages(
        `type: cursor
cursor: { type: header, name: next }
request: { in: query, name: cursor }`,
        (_request, n) => ({ body: items(n * 10, 1), headers: { next: n === 1 ? 'A' : 'B' } }),
      ),
    ).rejects.toMatchObject({ code: 'SB_ERR_PAGINATION_REPEATED_TOKEN' });
  });

  it('refuses the token the traversal resumed from', async () => {
    await expect(
      readPages(
        `type: cursor
cursor: { type: header, name: next }
request: { in: query, name: cursor }`,
        () => ({ body: items(1, 1), headers: { next: 'same' } }),
        { start: { index: 4, state: 'same' } },
      ),
    ).rejects.toMatchObject({ code: 'SB_ERR_PAGINATION_REPEATED_TOKEN' });
  });

  it('resumes at a stored position and keeps counting pages for max_pages', async () => {
    const { pages, requests } = await readPages(
      `type: cursor
cursor: { type: header, name: next }
request: { in: query, name: cursor }
max_pages: 4`,
      (_request, n) => ({ body: items(n * 10, 1), headers: { next: `t${n}` } }),
      { start: { index: 2, state: 'resume' } },
    );
    expect(requests[0]?.query).toEqual({ fixed: 'yes', cursor: 'resume' });
    expect(pages.map((p) => p.number)).toEqual([3, 4]);
    expect(pages.at(-1)).toMatchObject({ next: null, stop: 'max_pages' });
  });
});
