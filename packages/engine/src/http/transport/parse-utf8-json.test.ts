import { describe, expect, it } from 'vitest';
import { parseBody } from './parse-body.js';
import { parseUtf8Json } from './parse-json.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const context = { label: 'users.list', status: 200 };

describe('parseUtf8Json (characters outside ASCII escaped, not decoded)', () => {
  it('reads the same value as JSON.parse of the decoded text, for characters of every UTF-8 length', () => {
    const value = {
      clé: 'Zoë Ødegård',
      cjk: '健太',
      cyrillic: 'Ольга',
      emoji: 'ok 😀 👩‍💻',
      edges: ['\u0080', '\u07ff', '\u0800', '\uffff', '\u{10000}', '\u{10ffff}'],
      nextTo: ['é"', '\\é', 'é\\', '\n健', 'a’b'],
    };
    const body = utf8(JSON.stringify(value));
    expect(parseUtf8Json(body).value).toEqual(value);
  });

  it('keeps the byte spans of the top-level array elements', () => {
    const body = utf8('{"data":[{"name":"Zoë"}, {"name":"健太"}]}');
    const { arrays } = parseUtf8Json(body);
    const spans = arrays[0]!;
    expect(spans.starts.map((start, i) => body.toString('utf8', start, spans.ends[i]))).toEqual([
      '{"name":"Zoë"}',
      '{"name":"健太"}',
    ]);
  });

  it('refuses a character right after an escaping backslash, which escaping would have made valid', () => {
    expect(() => parseUtf8Json(utf8('["\\é"]'))).toThrow(SyntaxError);
    // An escaped backslash before it is valid JSON and keeps its meaning.
    expect(parseUtf8Json(utf8('["\\\\é"]')).value).toEqual(['\\é']);
  });

  it('refuses a character outside ASCII outside a string', () => {
    expect(() => parseUtf8Json(utf8('{"a": 1é}'))).toThrow(SyntaxError);
    expect(() => parseUtf8Json(utf8('{é: 1}'))).toThrow(SyntaxError);
  });

  it('keeps integers beyond 2^53 exact next to escaped characters', () => {
    expect(parseUtf8Json(utf8('{"name":"Zoë","id":9007199254740993}')).value).toEqual({
      name: 'Zoë',
      id: '9007199254740993',
    });
  });
});

describe('parseBody of UTF-8 bodies that are not ASCII', () => {
  it('answers an invalid body as the upstream’s fault', () => {
    expect(() => parseBody(utf8('["\\é"]'), 'application/json', context)).toThrow(
      expect.objectContaining({ code: 'SB_ERR_HTTP_INVALID_RESPONSE' }),
    );
  });

  it('answers the decoded text for a body without a type that is not JSON, and null for Unicode spaces', () => {
    expect(parseBody(utf8('Zoë was here'), undefined, context)).toBe('Zoë was here');
    expect(parseBody(utf8('\u00a0\u2003 '), 'application/json', context)).toBeNull();
    expect(parseBody(utf8(' \n'), 'application/json', context)).toBeNull();
  });

  it('answers null for every body that is only whitespace, as the decoded text trimmed says', () => {
    // Vertical tab and form feed are whitespace to `trim()`, though not JSON whitespace.
    expect(parseBody(utf8(' \v\f\n'), 'application/json', context)).toBeNull();
    expect(parseBody(utf8('\f'), 'text/plain', context)).toBeNull();
    // Under a charset that is not ASCII-compatible, whitespace is not the ASCII bytes.
    expect(
      parseBody(Buffer.from(' \n', 'utf16le'), 'application/json; charset=utf-16le', context),
    ).toBeNull();
  });
});
