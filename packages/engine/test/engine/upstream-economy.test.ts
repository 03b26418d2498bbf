import { describe, expect, it } from 'vitest';
import { createCursorCodec } from '../../src/cursor/cursor-codec.js';
import type { ProxyResult } from '../../src/run/contract.js';
import { account, CURSOR_SECRET, readAll, unified, useAcme } from '../support/acme-engine.js';

const acme = useAcme();
const proxy = { integration: 'acme', account: account() } as const;

/** A cursor re-signed without its page size, as cursors were made before sizes were carried. */
function withoutPageSize(cursor: string): string {
  const codec = createCursorCodec(CURSOR_SECRET);
  const payload = JSON.parse(Buffer.from(cursor.split('.')[0] as string, 'base64url').toString('utf8'));
  const { v: _v, z: _z, ...rest } = payload;
  return codec.encode(rest);
}

describe('upstream economy: the upstream page is sized to the caller limit', () => {
  // people: a header cursor, declared page size 5 (the maximum); 23 records.
  it.each([1, 2, 3, 4, 5])(
    'a full unified listing at limit %i costs ⌈N/limit⌉ upstream calls',
    async (limit) => {
      const pages = await readAll(acme.engine, { ...unified('users'), limit });
      const n = acme.upstream.data.people.length;
      expect(pages.flatMap((p) => p.result.map((r) => r['id']))).toEqual(
        acme.upstream.data.people.map((p) => String(p.id)),
      );
      const calls = acme.upstream.calls('/v1/people');
      expect(calls).toHaveLength(Math.ceil(n / limit));
      expect(new Set(calls.map((c) => c.query['limit']))).toEqual(new Set([String(limit)]));
    },
  );

  it('never asks for more than the declared page size', async () => {
    await readAll(acme.engine, { ...unified('users'), limit: 7 });
    expect(new Set(acme.upstream.calls('/v1/people').map((c) => c.query['limit']))).toEqual(new Set(['5']));
  });

  it('keeps the first call’s page size for the whole listing when later calls change the limit', async () => {
    const first = await acme.engine.list({ ...unified('users'), limit: 3 });
    const ids = first.result.map((r) => r['id']);
    let cursor = first.next_cursor;
    for (const limit of [2, 5, 1, 4]) {
      if (cursor === null) break;
      const page = await acme.engine.list({ ...unified('users'), limit, cursor });
      ids.push(...page.result.map((r) => r['id']));
      cursor = page.next_cursor;
    }
    const rest = cursor === null ? [] : await readAll(acme.engine, { ...unified('users'), limit: 3, cursor });
    ids.push(...rest.flatMap((p) => p.result.map((r) => r['id'])));
    expect(ids).toEqual(acme.upstream.data.people.map((p) => String(p.id)));
    expect(new Set(acme.upstream.calls('/v1/people').map((c) => c.query['limit']))).toEqual(new Set(['3']));
  });

  it('sizes offset pages too (roles: offsets with a total)', async () => {
    await readAll(acme.engine, { ...unified('roles'), limit: 2 });
    const calls = acme.upstream.calls('/v1/roles');
    expect(calls).toHaveLength(Math.ceil(acme.upstream.data.roles.length / 2));
    expect(calls.map((c) => c.query['offset'])).toEqual(['0', '2', '4', '6']);
  });

  it('a cursor made before page sizes were carried still reads on at the declared page size', async () => {
    const first = await acme.engine.list({ ...unified('users'), limit: 5 });
    const old = withoutPageSize(first.next_cursor as string);
    const rest = await readAll(acme.engine, { ...unified('users'), limit: 2, cursor: old });
    const ids = [...first.result, ...rest.flatMap((p) => p.result)].map((r) => r['id']);
    expect(ids).toEqual(acme.upstream.data.people.map((p) => String(p.id)));
    expect(new Set(acme.upstream.calls('/v1/people').map((c) => c.query['limit']))).toEqual(new Set(['5']));
  });

  it('refuses a signed cursor whose page size is not a positive integer as an invalid cursor', async () => {
    const codec = createCursorCodec(CURSOR_SECRET);
    const first = await acme.engine.list({ ...unified('users'), limit: 2 });
    const payload = JSON.parse(
      Buffer.from((first.next_cursor as string).split('.')[0] as string, 'base64url').toString('utf8'),
    );
    const { v: _v, ...rest } = payload;
    const bad = codec.encode({ ...rest, z: 0 });
    await expect(acme.engine.list({ ...unified('users'), limit: 2, cursor: bad })).rejects.toMatchObject({
      code: 'SB_ERR_CURSOR_INVALID',
    });
  });

  it('a full proxy listing at limit L costs ⌈N/L⌉ upstream calls, each asking for L records', async () => {
    const records: unknown[] = [];
    let cursor: string | null | undefined;
    do {
      const page = (await acme.engine.proxy({
        ...proxy,
        resource: 'people',
        method: 'GET',
        limit: 4,
        ...(cursor ? { cursor } : {}),
      })) as Extract<ProxyResult, { kind: 'list' }>;
      records.push(...page.result);
      cursor = page.next_cursor;
    } while (cursor);
    expect(records).toEqual(acme.upstream.data.people);
    const calls = acme.upstream.calls('/v1/people');
    expect(calls).toHaveLength(Math.ceil(acme.upstream.data.people.length / 4));
    expect(new Set(calls.map((c) => c.query['limit']))).toEqual(new Set(['4']));
  });
});
