import { describe, expect, it } from 'vitest';
import { items, readPages } from '../../../test/support/fake-pages.js';

describe('link pagination', () => {
  it('follows the rel=next Link header, relative or absolute, without repeating the first query', async () => {
    const { requests, pages } = await readPages(
      `type: link
next: { type: header, rel: next }
page_size: { in: query, name: per_page, value: 2 }`,
      (_request, n) => ({
        body: items(n * 10, 2),
        headers:
          n === 1
            ? { link: '</items?page=2&per_page=2>; rel="next", </items?page=9>; rel="last"' }
            : n === 2
              ? { link: '<https://api.example.test/items?page=3&per_page=2>; rel="prev next"' }
              : { link: '</items?page=2>; rel="prev"' },
      }),
    );
    expect(requests.map((r) => [r.path, r.query])).toEqual([
      ['/items', { fixed: 'yes', per_page: '2' }],
      ['https://api.example.test/items?page=2&per_page=2', undefined],
      ['https://api.example.test/items?page=3&per_page=2', undefined],
    ]);
    expect(pages.at(-1)?.stop).toBe('empty_cursor');
  });

  it('follows a next URL from the body', async () => {
    const { requests } = await readPages(
      `type: link
next: { type: body, path: links.next }`,
      (_request, n) => ({ body: { rows: items(n, 1), links: { next: n < 2 ? '/items?after=x' : null } } }),
      { records: (b) => (b as { rows: unknown[] }).rows },
    );
    expect(requests.map((r) => r.path)).toEqual(['/items', 'https://api.example.test/items?after=x']);
  });

  it('never follows a link to another origin', async () => {
    for (const target of [
      'https://evil.example/items?page=2',
      '//evil.example/x',
      'http://api.example.test/x',
    ]) {
      await expect(
        readPages(`type: link\nnext: { type: header }`, () => ({
          body: items(1, 1),
          headers: { link: `<${target}>; rel=next` },
        })),
      ).rejects.toMatchObject({ code: 'SB_ERR_PAGINATION_FOREIGN_ORIGIN' });
    }
  });

  it('drops credential parameters an upstream echoes into its next links', async () => {
    const { pages } = await readPages(
      `type: link\nnext: { type: header }`,
      (_request, n) => ({
        body: items(n * 10, 1),
        headers: n === 1 ? { link: '</items?api_key=s3cret&page=2>; rel=next' } : {},
      }),
      { credentialParams: ['api_key'] },
    );
    expect(pages[0]?.next?.state).toBe('https://api.example.test/items?page=2');
  });

  it('refuses a next URL it has already followed', async () => {
    await expect(
      readPages(`type: link\nnext: { type: header }`, (_request, n) => ({
        body: items(n * 10, 1),
        headers: { link: '</items?page=2>; rel=next' },
      })),
    ).rejects.toMatchObject({ code: 'SB_ERR_PAGINATION_REPEATED_TOKEN' });
  });
});
