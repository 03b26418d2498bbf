import { describe, expect, it } from 'vitest';
import { items, readPages } from '../../../test/support/fake-pages.js';

describe('paginate', () => {
  it('stops when a stop expression over $body, $headers, $records and $page holds', async () => {
    const { pages } = await readPages(
      `type: cursor
cursor: { type: header, name: next }
request: { in: query, name: c }
stop:
  - type: expression
    expression: "$page >= $number($headers.'x-last') or $count($records) = 0 or $body.done"`,
      (_request, n) => ({ body: items(n * 10, 1), headers: { next: `t${n}`, 'x-last': '3' } }),
    );
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(pages.at(-1)?.stop).toBe('expression');
  });

  it('reads one page when the resource has no scheme', async () => {
    const { paginate } = await import('./paginate.js');
    const { compileYaml } = await import('../../../test/support/compile-yaml.js');
    let sent = 0;
    const pages = [];
    for await (const page of paginate({
      first: { method: 'GET', path: '/x' },
      scheme: undefined,
      context: { integration: compileYaml('name: x\n'), pointer: '/pagination/none', label: 'x.list' },
      send: async () => {
        sent++;
        return {
          status: 200,
          headers: { 'x-next': 'more' },
          body: items(1, 3),
          url: 'https://a.test/x',
          durationMs: 0,
        };
      },
      extract: async (response) => response.body as unknown[],
    })) {
      pages.push(page);
    }
    expect(sent).toBe(1);
    expect(pages).toMatchObject([{ next: null, stop: 'unpaginated', records: items(1, 3) }]);
  });

  it('sends nothing after the consumer stops', async () => {
    let sent = 0;
    const { paginate } = await import('./paginate.js');
    const { compileYaml } = await import('../../../test/support/compile-yaml.js');
    const integration = compileYaml('name: x\n');
    for await (const page of paginate({
      first: { method: 'GET', path: '/x' },
      scheme: { type: 'page', request: { in: 'query', name: 'page' } },
      context: { integration, pointer: '/pagination/s', label: 'x.list' },
      send: async (request) => {
        sent++;
        return {
          status: 200,
          headers: {},
          body: items(sent * 10, 2),
          url: `https://a.test${request.path}`,
          durationMs: 0,
        };
      },
      extract: async (response) => response.body as unknown[],
    })) {
      if (page.number === 2) break;
    }
    expect(sent).toBe(2);
  });

  it('reports a failing body path as MappingFailed with its location', async () => {
    const failure = readPages(
      `type: cursor
cursor: { type: body, path: "$error('boom')" }
request: { in: query, name: c }`,
      () => ({ body: items(1, 1) }),
    );
    await expect(failure).rejects.toMatchObject({
      code: 'SB_ERR_MAPPING_FAILED',
      details: {
        pointer: '/pagination/s/cursor/path',
        location: expect.stringMatching(/^test\.yaml:\d+:\d+$/),
      },
    });
  });
});
