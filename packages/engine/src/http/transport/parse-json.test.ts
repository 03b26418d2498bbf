import { describe, expect, it } from 'vitest';
import { parseJson } from './parse-json.js';

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
