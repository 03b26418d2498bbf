import { describe, expect, it } from 'vitest';
import { RawRecord, upstreamBytes } from '../../src/index.js';
import { account, useAcme } from '../support/acme-engine.js';

const acme = useAcme();
const proxy = { integration: 'acme', account: account(), method: 'GET', itemsAsBytes: true } as const;

/** The JSON text an answer would write for each item: its upstream bytes. */
function written(result: unknown[]): string[] {
  const bytesOf = upstreamBytes(result);
  return result.map((item, index) => {
    const span = bytesOf?.(index, item);
    if (span === undefined) throw new Error(`item ${index} has no bytes`);
    return span.bytes.toString('utf8', span.start, span.end);
  });
}

describe('proxy lists with itemsAsBytes', () => {
  it('keeps the items of a root-array page as their bytes: not parsed, written as they came', async () => {
    const page = await acme.engine.proxy({ ...proxy, resource: 'people', limit: 5 });
    if (page.kind !== 'list') throw new Error('expected a list');
    expect(page.result.every((item) => item instanceof RawRecord)).toBe(true);
    const expected = acme.upstream.data.people.slice(0, 5);
    expect(written(page.result).map((text) => JSON.parse(text))).toEqual(expected);
    // Serialised any other way, an item is still the upstream record.
    expect(JSON.parse(JSON.stringify(page.result))).toEqual(expected);
  });

  it('keeps the items under a key as bytes while paging by a body value beside them', async () => {
    // `roles` reads `results`, and its offset paging reads `total` from the same body.
    const seen: unknown[] = [];
    let cursor: string | undefined;
    for (let call = 0; call < 10; call++) {
      const page = await acme.engine.proxy({
        ...proxy,
        resource: 'roles',
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      if (page.kind !== 'list') throw new Error('expected a list');
      expect(page.result.every((item) => item instanceof RawRecord)).toBe(true);
      seen.push(...written(page.result).map((text) => JSON.parse(text)));
      if (page.next_cursor === null) break;
      cursor = page.next_cursor;
    }
    expect(seen).toEqual(acme.upstream.data.roles);
  });

  it('carries the rest of a page in the cursor as the records themselves', async () => {
    // A limit above the declared page size of 3: each answer stops inside a page and carries its rest.
    const first = await acme.engine.proxy({ ...proxy, resource: 'roles', limit: 4 });
    if (first.kind !== 'list' || first.next_cursor === null) throw new Error('expected a next cursor');
    const second = await acme.engine.proxy({
      ...proxy,
      resource: 'roles',
      limit: 4,
      cursor: first.next_cursor,
    });
    if (second.kind !== 'list') throw new Error('expected a list');
    expect(JSON.parse(JSON.stringify([...first.result, ...second.result]))).toEqual(
      acme.upstream.data.roles.slice(0, 8),
    );
  });

  it('parses the items when the answer shows upstream exchanges (debug) or by default', async () => {
    const debug = await acme.engine.proxy({ ...proxy, resource: 'people', limit: 2, format: 'debug' });
    const plain = await acme.engine.proxy({ ...proxy, resource: 'people', limit: 2, itemsAsBytes: false });
    for (const page of [debug, plain]) {
      if (page.kind !== 'list') throw new Error('expected a list');
      expect(page.result).toEqual(acme.upstream.data.people.slice(0, 2));
    }
  });

  it('refuses a page whose items are not valid JSON, as a parsed page would be refused', async () => {
    acme.upstream.before = (request) =>
      request.path === '/v1/people' ? [200, '[{"id":1},{"id":2,}]'] : undefined;
    await expect(acme.engine.proxy({ ...proxy, resource: 'people', limit: 5 })).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_INVALID_RESPONSE',
    });
  });

  it('still refuses an upstream that answers the same page whatever the page token', async () => {
    let token = 0;
    acme.upstream.before = (request) =>
      request.path === '/v1/people'
        ? [200, acme.upstream.data.people.slice(0, 5), { 'x-next-cursor': `t${++token}` }]
        : undefined;
    await expect(acme.engine.proxy({ ...proxy, resource: 'people', limit: 50 })).rejects.toMatchObject({
      code: 'SB_ERR_PAGINATION_REPEATED_TOKEN',
    });
  });

  it('guards against a repeated page by the first record’s id, exactly as when the items are parsed', async () => {
    // Records without an id whose pages happen to start alike are not a repeated page.
    acme.upstream.before = (request) => {
      if (request.path !== '/v1/people') return undefined;
      return request.query['cursor'] === undefined
        ? [200, [{ name: 'a' }, { name: 'b' }], { 'x-next-cursor': 't1' }]
        : [200, [{ name: 'a' }, { name: 'c' }]];
    };
    for (const itemsAsBytes of [false, true]) {
      const page = await acme.engine.proxy({ ...proxy, resource: 'people', limit: 50, itemsAsBytes });
      if (page.kind !== 'list') throw new Error('expected a list');
      expect(JSON.parse(JSON.stringify(page.result)), `itemsAsBytes: ${itemsAsBytes}`).toHaveLength(4);
    }
    // The same record again with a field that changes on every answer is still the same page.
    let token = 0;
    acme.upstream.before = (request) =>
      request.path === '/v1/people'
        ? [200, [{ id: 1, seen_at: ++token }], { 'x-next-cursor': `t${token}` }]
        : undefined;
    await expect(acme.engine.proxy({ ...proxy, resource: 'people', limit: 50 })).rejects.toMatchObject({
      code: 'SB_ERR_PAGINATION_REPEATED_TOKEN',
    });
  });
});
