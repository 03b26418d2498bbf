import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../config/fuzz/mutations.js';
import { isJsonValue } from './json-validator.js';
import { MAX_JSON_DEPTH, scanJson } from './parse-json.js';

// Keeps a leading byte-order mark, which JSON.parse then refuses: the default decoder would strip it silently.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function jsonParseAccepts(bytes: Uint8Array): boolean {
  try {
    JSON.parse(decoder.decode(bytes));
    return true;
  } catch {
    return false;
  }
}

function validates(text: string): boolean {
  const bytes = Buffer.from(text);
  return isJsonValue(bytes, 0, bytes.length);
}

/** Both readings, so each case also proves the expectation is JSON.parse's own. */
function expectAgreement(text: string, valid: boolean): void {
  const bytes = Buffer.from(text);
  expect(jsonParseAccepts(bytes), `JSON.parse on ${JSON.stringify(text)}`).toBe(valid);
  expect(isJsonValue(bytes, 0, bytes.length), `isJsonValue on ${JSON.stringify(text)}`).toBe(valid);
}

const VALID = [
  // Every kind of value at the top level, alone.
  '0',
  '-0',
  '1',
  '-1',
  '123',
  '0.5',
  '-0.0',
  '1.25e10',
  '0e0',
  '1E+2',
  '1e-2',
  '1E2',
  '-12.5E-07',
  '123456789012345678901234567890',
  '1e999',
  'true',
  'false',
  'null',
  '""',
  '"a"',
  '"Zoë 漢字 😀"',
  '"\\" \\\\ \\/ \\b \\f \\n \\r \\t"',
  '"\\u0041\\u00e9\\u00E9\\uD83D\\uDE00"',
  // Lone surrogates are fine for JSON.parse.
  '"\\uD800"',
  '"\\udc00x"',
  '"\u2028\u2029"',
  '"\u007f"',
  '[]',
  '{}',
  '[1]',
  '[1,2,3]',
  '[[],{},[[]],{"a":{}}]',
  '{"a":1}',
  '{"a":1,"b":[true,false,null],"c":{"d":"e"}}',
  '{"":0}',
  // Repeated keys: the last wins in JSON.parse, not an error.
  '{"a":1,"a":2}',
  '{"a\\"b":1}',
  // Whitespace: only these four, anywhere between tokens.
  ' 1 ',
  '\t\n\r 1\r\n\t ',
  ' [ 1 , 2 ] ',
  '\n{\n\t"a"\n:\n1\n,\n"b" : [ ]\n}\n',
  '[ ]',
  '{ }',
  '"\\t"',
];

const INVALID = [
  // Empty.
  '',
  ' ',
  '\n\t\r ',
  // Trailing and missing separators.
  '[1,]',
  '{"a":1,}',
  '[,1]',
  '[1,,2]',
  '{,}',
  '[1 2]',
  '{"a" 1}',
  '{"a":1 "b":2}',
  '{"a"::1}',
  '{"a":}',
  '{"a"}',
  '{"a",1}',
  '[1:2]',
  '{"a":1;"b":2}',
  // Keys must be strings.
  '{1:1}',
  '{a:1}',
  "{'a':1}",
  '{null:1}',
  '{[]:1}',
  // Unbalanced or extra.
  '[',
  ']',
  '{',
  '}',
  '[1',
  '{"a":1',
  '[1}',
  '{"a":1]',
  '{"a":1}}',
  '[1]]',
  '[1]x',
  '1 2',
  '"a" "b"',
  '{}{}',
  '[][]',
  'nulll',
  'null,',
  // Literals: exact spelling only.
  'tru',
  'tRue',
  'True',
  'fals',
  'falsee',
  'nul',
  'NULL',
  'undefined',
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  // Numbers.
  '01',
  '[01]',
  '-01',
  '00',
  '1.',
  '1.e1',
  '.5',
  '+1',
  '-',
  '[-]',
  '--1',
  '1e',
  '1e+',
  '1E-',
  '1e1.5',
  '0x10',
  '1_000',
  '- 1',
  '1.5.5',
  // Strings.
  '"',
  '"abc',
  '["abc]',
  '"\\"',
  '["\\x"]',
  '"\\a"',
  '"\\U0041"',
  '"\\u12"',
  '"\\u12"x',
  '"\\u123"',
  '"\\u12G4"',
  '"\\',
  "'a'",
  '"a\tb"',
  '"a\nb"',
  '"\u0000"',
  '"\u001f"',
  '"\\\u00e9"',
  // Whitespace JSON.parse does not accept between tokens.
  '\u000b1',
  '1\u000c',
  '[1,\u00a02]',
  '\u00a01',
  '\u20281',
  '\ufeff1',
  '[1,\u00002]',
  // Comments.
  '[1]//',
  '/*x*/1',
];

describe('isJsonValue', () => {
  it.each(VALID)('accepts %j as JSON.parse does', (text) => {
    expectAgreement(text, true);
  });

  it.each(INVALID)('refuses %j as JSON.parse does', (text) => {
    expectAgreement(text, false);
  });

  it('accepts 100,000 levels of nesting without recursion, and refuses them unbalanced', () => {
    const depth = 100_000;
    expect(validates('['.repeat(depth) + ']'.repeat(depth))).toBe(true);
    expect(validates(`${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`)).toBe(true);
    expect(validates('['.repeat(depth) + ']'.repeat(depth - 1))).toBe(false);
    expect(validates('['.repeat(depth - 1) + ']'.repeat(depth))).toBe(false);
    expect(validates(`${'{"a":['.repeat(depth)}1${']}'.repeat(depth - 1)}]`)).toBe(false);
    // The stack grown for a deep input is not kept: the next shallow call still sees its own containers.
    expect(validates('[{"a":1}]')).toBe(true);
    expect(validates('[{"a":1]}')).toBe(false);
  });

  it('validates only the window, ignoring the bytes around it', () => {
    const text = '[{"id":1,"name":"Zoë"} , [2,3] ,"x",4';
    const bytes = Buffer.from(text);
    const first = bytes.indexOf('{');
    const firstEnd = bytes.indexOf('}') + 1;
    expect(isJsonValue(bytes, first, firstEnd)).toBe(true);
    // With the whitespace after it, still one value; with the comma, no longer.
    expect(isJsonValue(bytes, first, firstEnd + 1)).toBe(true);
    expect(isJsonValue(bytes, first, firstEnd + 2)).toBe(false);
    // Cut short: the closing brace and quote lie outside the window.
    expect(isJsonValue(bytes, first, firstEnd - 1)).toBe(false);
    expect(isJsonValue(bytes, first, bytes.indexOf('Zoë') + 2)).toBe(false);
    const array = bytes.indexOf('[2');
    expect(isJsonValue(bytes, array, bytes.indexOf(']') + 1)).toBe(true);
    expect(isJsonValue(bytes, array + 1, array + 2)).toBe(true);
    expect(isJsonValue(bytes, array, array + 2)).toBe(false);
    // A number ending at the window's edge is whole, though digits follow outside it.
    const digits = Buffer.from('[12345]');
    expect(isJsonValue(digits, 1, 3)).toBe(true);
    expect(isJsonValue(digits, 1, 1)).toBe(false);
    expect(isJsonValue(Buffer.from('xtruex'), 1, 5)).toBe(true);
    expect(isJsonValue(Buffer.from('xtruex'), 1, 4)).toBe(false);
    expect(isJsonValue(Buffer.from('"\\u0041"'), 0, 7)).toBe(false);
    // A plain Uint8Array works as a Buffer does.
    expect(isJsonValue(new Uint8Array(bytes), first, firstEnd)).toBe(true);
  });

  it('refuses a window outside the bytes as a programming error', () => {
    const bytes = Buffer.from('[1]');
    expect(() => isJsonValue(bytes, -1, 3)).toThrow(RangeError);
    expect(() => isJsonValue(bytes, 0, 4)).toThrow(RangeError);
    expect(() => isJsonValue(bytes, 2, 1)).toThrow(RangeError);
  });
});

describe('isJsonValue against JSON.parse, fuzzed', () => {
  const random = seededRandom(0x5b0a4d);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

  const CHARS = [
    'a',
    'z',
    'Q',
    '0',
    ' ',
    '"',
    '\\',
    '/',
    '\n',
    '\t',
    '\u0000',
    '\u001f',
    '\u007f',
    'é',
    'ë',
    '漢',
    '😀',
    '\u2028',
  ];
  const NUMBERS = ['0', '-0', '1E+2', '0.0e-0', '-12.5E-07', '1e999', '9007199254740993'];
  const WHITESPACE = ['', '', '', ' ', '\t', '\n', '\r', ' \n  '];
  const space = (): string => (random() < 0.3 ? pick(WHITESPACE) : '');

  /** Each character as JSON.stringify writes it, or as `\uXXXX` escapes of either case, or `/` as `\/`. */
  function stringLiteral(): string {
    let literal = '"';
    for (let n = int(8); n > 0; n--) {
      const char = pick(CHARS);
      const roll = random();
      if (char === '/' && roll < 0.5) literal += '\\/';
      else if (roll < 0.2) {
        for (let unit = 0; unit < char.length; unit++) {
          const hex = char.charCodeAt(unit).toString(16).padStart(4, '0');
          literal += `\\u${roll < 0.1 ? hex : hex.toUpperCase()}`;
        }
      } else literal += JSON.stringify(char).slice(1, -1);
    }
    return `${literal}"`;
  }

  function numberLiteral(): string {
    const roll = random();
    if (roll < 0.3) return pick(NUMBERS);
    if (roll < 0.6) return String(int(1_000_000) - 500_000);
    return JSON.stringify((random() - 0.5) * 10 ** (int(40) - 20));
  }

  /** A random JSON text with random whitespace between its tokens. */
  function jsonText(depth: number): string {
    const roll = random();
    if (depth > 0 && roll < 0.2) {
      const items: string[] = [];
      for (let n = int(5); n > 0; n--) items.push(space() + jsonText(depth - 1) + space());
      return `[${items.length === 0 ? space() : items.join(',')}]`;
    }
    if (depth > 0 && roll < 0.4) {
      const members: string[] = [];
      for (let n = int(5); n > 0; n--)
        members.push(`${space()}${stringLiteral()}${space()}:${space()}${jsonText(depth - 1)}${space()}`);
      return `{${members.length === 0 ? space() : members.join(',')}}`;
    }
    if (roll < 0.6) return stringLiteral();
    if (roll < 0.8) return numberLiteral();
    return pick(['true', 'false', 'null']);
  }

  const MUTATION_BYTES = Buffer.from('"{}[],:\\ 0123456789eE.+-tfnrux\t\n\r/\u0000\u0001\u001f\u000b\u000c');
  function mutated(bytes: Uint8Array): Uint8Array {
    let result = Array.from(bytes);
    for (let n = 1 + int(3); n > 0; n--) {
      const at = int(result.length + 1);
      const byte = MUTATION_BYTES[int(MUTATION_BYTES.length)]!;
      const roll = random();
      if (roll < 0.4 && at < result.length) result[at] = byte;
      else if (roll < 0.7 && at < result.length) result = [...result.slice(0, at), ...result.slice(at + 1)];
      else result = [...result.slice(0, at), byte, ...result.slice(at)];
    }
    return Uint8Array.from(result);
  }

  const texts = Array.from({ length: 3000 }, () => space() + jsonText(int(5)) + space());

  it('accepts every generated JSON text, alone and in the middle of other bytes', () => {
    for (const text of texts) {
      const bytes = Buffer.from(text);
      expect(jsonParseAccepts(bytes), text).toBe(true);
      expect(isJsonValue(bytes, 0, bytes.length), `isJsonValue refused ${JSON.stringify(text)}`).toBe(true);
      const padded = Buffer.from(`[1,"${text}"x]`);
      const start = Buffer.byteLength('[1,"');
      expect(isJsonValue(padded, start, start + bytes.length), `in a window: ${JSON.stringify(text)}`).toBe(
        true,
      );
    }
  });

  it('outlines a root array as the guard scan does: its elements and how deep it nests', () => {
    let arrays = 0;
    for (const text of texts) {
      const bytes = Buffer.from(text);
      const outline = { depth: 0, starts: [] as number[], ends: [] as number[], oddNumber: false };
      expect(isJsonValue(bytes, 0, bytes.length, outline)).toBe(true);
      const scanned = scanJson(bytes);
      const root = scanned.arrays.find((spans) => spans.key === null);
      if (root === undefined) {
        expect(outline.starts).toEqual([]);
        continue;
      }
      arrays++;
      expect({ starts: outline.starts, ends: outline.ends }, text).toEqual({
        starts: root.starts,
        ends: root.ends,
      });
      expect(outline.depth > MAX_JSON_DEPTH, text).toBe(scanned.tooDeep);
      expect(outline.oddNumber, text).toBe(scanned.longNumber || scanned.oddNumber);
    }
    expect(arrays).toBeGreaterThan(100);
    const deep = Buffer.from(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`);
    const outline = { depth: 0, starts: [] as number[], ends: [] as number[], oddNumber: false };
    expect(isJsonValue(deep, 0, deep.length, outline)).toBe(true);
    expect(outline.depth).toBe(MAX_JSON_DEPTH + 1);
    expect(scanJson(deep).tooDeep).toBe(true);
  });

  it('agrees with JSON.parse on mutated texts', () => {
    let compared = 0;
    let invalid = 0;
    for (let round = 0; round < 4; round++) {
      for (const text of texts) {
        const bytes = mutated(Buffer.from(text));
        if (!isUtf8(bytes)) continue;
        const expected = jsonParseAccepts(bytes);
        const actual = isJsonValue(bytes, 0, bytes.length);
        if (actual !== expected)
          expect.fail(
            `isJsonValue says ${actual}, JSON.parse ${expected}, on ${JSON.stringify(Buffer.from(bytes).toString())}`,
          );
        compared++;
        if (!expected) invalid++;
      }
    }
    // The mutations exercise both answers, not only one.
    expect(compared).toBeGreaterThan(10_000);
    expect(invalid).toBeGreaterThan(4000);
    expect(compared - invalid).toBeGreaterThan(300);
  });
});
