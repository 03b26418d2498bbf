import { describe, expect, it } from 'vitest';
import { parseBody } from './parse-body.js';
import { MAX_JSON_DEPTH, parseJson } from './parse-json.js';

describe('parseJson', () => {
  it('keeps integers beyond 2^53 exact, as strings', () => {
    expect(parseJson('{"id": 9007199254740993}')).toEqual({ id: '9007199254740993' });
    expect(parseJson('[-123456789012345678901, 9007199254740991, 1.5e300]')).toEqual([
      '-123456789012345678901',
      9007199254740991,
      1.5e300,
    ]);
  });

  it('does not touch digits inside strings, escaped quotes included', () => {
    expect(parseJson('{"a":"x\\"9007199254740993","b":9007199254740993}')).toEqual({
      a: 'x"9007199254740993',
      b: '9007199254740993',
    });
  });

  it('sees where a string ending in an escaped backslash closes', () => {
    // JSON text: {"a":"x\\","b":9007199254740993} (the string holds one backslash, the number follows it).
    expect(parseJson('{"a":"x\\\\","b":9007199254740993}')).toEqual({ a: 'x\\', b: '9007199254740993' });
    expect(() => parseJson(`["\\\\",${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}]`)).toThrow(
      /nests deeper than/,
    );
  });

  it('keeps fractions and safe integers as numbers', () => {
    expect(parseJson('{"f": 12345678901234567.5, "n": 1234567890123456}')).toEqual({
      f: Number('12345678901234567.5'),
      n: 1234567890123456,
    });
  });

  it('refuses invalid JSON even where quoting would repair it', () => {
    expect(() => parseJson('{12345678901234567890: 1}')).toThrow(SyntaxError);
    expect(() => parseJson('{"a": 0123456789012345678}')).toThrow(SyntaxError);
  });
});

describe('nesting depth', () => {
  const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);

  it('parses bodies nested as deep as real APIs go', () => {
    expect(parseJson(`{"a":${nested(MAX_JSON_DEPTH - 1)}}`)).toBeDefined();
  });

  it('refuses a body nested deeper than MAX_JSON_DEPTH, before anything recurses over it', () => {
    expect(() => parseJson(nested(5000))).toThrow(/nests deeper than/);
    expect(() => parseJson(`{"a":${nested(MAX_JSON_DEPTH)}}`)).toThrow(/nests deeper than/);
  });

  it('does not count brackets inside strings', () => {
    expect(parseJson(JSON.stringify({ a: '['.repeat(5000) }))).toEqual({ a: '['.repeat(5000) });
  });

  it('answers SB_ERR_HTTP_INVALID_RESPONSE for a deep JSON upstream body', () => {
    const body = Buffer.from(nested(5000, '{"a":', '}').replace('{"a":}', '{"a":1}'));
    expect(() => parseBody(body, 'application/json', { label: 'users.list', status: 200 })).toThrow(
      expect.objectContaining({ code: 'SB_ERR_HTTP_INVALID_RESPONSE' }),
    );
  });
});

describe('parseBody decoding', () => {
  const context = { label: 'users.list', status: 200 };

  it('decodes ASCII, UTF-8 (with or without a BOM) and a declared latin1 charset alike', () => {
    const value = { name: 'Zoë Ødegård', note: 'plain' };
    expect(parseBody(Buffer.from(JSON.stringify({ note: 'plain' })), 'application/json', context)).toEqual({
      note: 'plain',
    });
    expect(parseBody(Buffer.from(JSON.stringify(value)), 'application/json', context)).toEqual(value);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(value))]);
    expect(parseBody(withBom, 'application/json; charset=utf-8', context)).toEqual(value);
    expect(
      parseBody(
        Buffer.from(JSON.stringify(value), 'latin1'),
        'application/json; charset=ISO-8859-1',
        context,
      ),
    ).toEqual(value);
  });
});
