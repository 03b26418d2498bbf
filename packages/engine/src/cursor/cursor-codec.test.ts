import { describe, expect, it } from 'vitest';
import { createCursorCodec } from './cursor-codec.js';
import { queryBinding } from './query-binding.js';

const secret = 'a-test-secret-that-is-long-enough-32b';
const codec = createCursorCodec(secret);
const identity = {
  integration: 'acme',
  accountId: 'acct_1',
  model: 'user-directory',
  resource: 'users',
  filters: { email: 'a@b.c', status: 'active' },
};
const binding = queryBinding(identity);
const payload = { q: binding, p: { index: 2, state: 'tok' }, s: [3, 1] as const };

describe('unified cursors', () => {
  it('round-trips a position and skip', () => {
    expect(codec.decode(codec.encode(payload), binding)).toEqual({ v: 1, ...payload });
  });

  it('round-trips the rest of a page it carries, and refuses a carried page of the wrong shape', () => {
    const carried = {
      ...payload,
      s: [0, 1] as const,
      r: { records: [{ id: 7 }], n: { index: 3, state: 'x' } },
    };
    expect(codec.decode(codec.encode(carried), binding)).toEqual({ v: 1, ...carried });
    for (const r of [
      { records: [], n: null },
      { records: [{ id: 7 }], n: 'x' },
      { records: {}, n: null },
    ]) {
      expect(() => codec.decode(codec.encode({ ...payload, r } as never), binding)).toThrow(
        expect.objectContaining({ code: 'SB_ERR_CURSOR_INVALID' }),
      );
    }
  });

  it('is opaque base64url text, the same for the same position', () => {
    expect(codec.encode(payload)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(codec.encode(payload)).toBe(codec.encode({ ...payload }));
    expect(codec.encode(payload)).not.toBe(codec.encode({ ...payload, s: [3, 2] }));
  });

  it('never shows what it carries: the records of a carried page are encrypted', () => {
    const carried = {
      ...payload,
      s: [0, 1] as const,
      r: { records: [{ id: 7, email: 'ada.lovelace@example.com' }], n: null },
    };
    const cursor = codec.encode(carried);
    for (const text of [cursor, Buffer.from(cursor, 'base64url').toString('latin1')]) {
      expect(text).not.toContain('ada.lovelace');
      expect(text).not.toContain(binding);
    }
    expect(codec.read(cursor)).toEqual({ v: 1, ...carried });
  });

  it('still reads a cursor issued before encryption (signed JSON), bound the same way', () => {
    const legacy =
      'eyJ2IjoxLCJxIjoibV9lZlRVODNaMHBYUXlQZWRyX2hJbiIsInAiOnsiaW5kZXgiOjIsInN0YXRlIjoidG9rIn0sInMiOlszLDFdLCJ6Ijo1fQ' +
      '.hu8EejP9Y8muGX2yLu6ngTaokcBRCg2132WkHhDzceY';
    expect(codec.decode(legacy, binding)).toEqual({ v: 1, ...payload, z: 5 });
    expect(() => codec.decode(`${legacy.slice(0, 20)}x${legacy.slice(21)}`, binding)).toThrow(
      expect.objectContaining({ code: 'SB_ERR_CURSOR_INVALID' }),
    );
    expect(() => createCursorCodec('another-secret-that-is-long-enough-32b').decode(legacy, binding)).toThrow(
      expect.objectContaining({ code: 'SB_ERR_CURSOR_INVALID' }),
    );
  });

  it('refuses a cursor with any byte changed', () => {
    const cursor = codec.encode(payload);
    for (let i = 0; i < cursor.length; i++) {
      // 'A' and 'B' differ in the lowest bit: on the last character that is a padding bit.
      const replacement = cursor[i] === 'A' ? 'B' : 'A';
      const tampered = cursor.slice(0, i) + replacement + cursor.slice(i + 1);
      expect(() => codec.decode(tampered, binding), `byte ${i}`).toThrow(
        expect.objectContaining({ code: 'SB_ERR_CURSOR_INVALID' }),
      );
    }
  });

  it('refuses a signature re-spelt with different padding bits', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const cursor = codec.encode(payload);
    const last = alphabet.indexOf(cursor.at(-1) as string);
    const respelt = cursor.slice(0, -1) + alphabet[last ^ 1];
    expect(() => codec.decode(respelt, binding)).toThrow(
      expect.objectContaining({ code: 'SB_ERR_CURSOR_INVALID' }),
    );
  });

  it('refuses truncated, empty, oversized and foreign-secret cursors', () => {
    const cursor = codec.encode(payload);
    const other = createCursorCodec('another-secret-that-is-long-enough-32b');
    for (const bad of [
      cursor.slice(0, -3),
      cursor.slice(16),
      `${cursor}.${cursor}`,
      '',
      'x'.repeat(9000),
      other.encode(payload),
    ]) {
      expect(() => codec.decode(bad, binding)).toThrow(
        expect.objectContaining({ code: 'SB_ERR_CURSOR_INVALID' }),
      );
    }
  });

  it('refuses a cursor from another account or another query', () => {
    const cursor = codec.encode(payload);
    for (const change of [{ accountId: 'acct_2' }, { filters: { email: 'x@y.z' } }, { resource: 'groups' }]) {
      expect(() => codec.decode(cursor, queryBinding({ ...identity, ...change }))).toThrow(
        expect.objectContaining({
          code: 'SB_ERR_CURSOR_INVALID',
          message: expect.stringContaining('another'),
        }),
      );
    }
  });

  it('binds queries regardless of key order', () => {
    expect(queryBinding({ ...identity, filters: { status: 'active', email: 'a@b.c' } })).toBe(binding);
  });

  it('requires a secret of at least 32 bytes', () => {
    expect(() => createCursorCodec('short')).toThrow(
      expect.objectContaining({ code: 'SB_ERR_RUN_INVALID_INPUT' }),
    );
  });
});
