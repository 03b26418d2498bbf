/**
 * @module JSON parsing that keeps integers beyond 2^53 exact. `JSON.parse` would round `9007199254740993` to
 * `9007199254740992`, silently changing upstream ids; such integers are returned as their decimal strings.
 * Bodies nested deeper than {@link MAX_JSON_DEPTH} are refused: `JSON.parse` copes, but everything after it that
 * recurses (mapping, re-serialising the answer) would overflow the stack on a hostile upstream's 5,000 levels.
 */

/** Deeper than any real API answer; shallow enough that recursive consumers stay far from the stack limit. */
export const MAX_JSON_DEPTH = 128;

/** A run of digits this long is the only way a JSON text can hold an unsafe integer. */
const UNSAFE_DIGITS = 16;
const JSON_INTEGER = /^-?(?:0|[1-9]\d*)$/;

function isNumberChar(code: number): boolean {
  // 0-9 . + - e E
  return (
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2e ||
    code === 0x2b ||
    code === 0x2d ||
    code === 0x65 ||
    code === 0x45
  );
}

/**
 * The index just past the string literal whose opening quote is at `open`. Jumps quote to quote with the native
 * `indexOf` (strings are most of an API body's bytes); a quote preceded by an odd run of backslashes is escaped.
 */
function afterString(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (close !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return close + 1;
    close = text.indexOf('"', close + 1);
  }
  return text.length;
}

/** Wraps every unsafe integer literal outside strings in quotes. The input must already be valid JSON. */
function quoteUnsafeIntegers(text: string): string {
  let output = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) i = afterString(text, i);
    else if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
      const start = i;
      while (i < text.length && isNumberChar(text.charCodeAt(i))) i++;
      const literal = text.slice(start, i);
      if (JSON_INTEGER.test(literal) && !Number.isSafeInteger(Number(literal))) {
        output += `${text.slice(copied, start)}"${literal}"`;
        copied = i;
      }
    } else i++;
  }
  return copied === 0 ? text : output + text.slice(copied);
}

/**
 * One pass over what lies outside strings: whether arrays and objects nest deeper than `limit`, and whether a
 * number long enough to be unsafe occurs. No recursion.
 */
function scan(text: string, limit: number): { tooDeep: boolean; longNumber: boolean } {
  let depth = 0;
  let digits = 0;
  let longNumber = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      i = afterString(text, i);
      digits = 0;
      continue;
    }
    if (code >= 0x30 && code <= 0x39) {
      if (++digits >= UNSAFE_DIGITS) longNumber = true;
    } else {
      digits = 0;
      if (code === 0x5b || code === 0x7b) {
        if (++depth > limit) return { tooDeep: true, longNumber };
      } else if (code === 0x5d || code === 0x7d) depth--;
    }
    i++;
  }
  return { tooDeep: false, longNumber };
}

/**
 * Parses JSON text; throws `SyntaxError` for invalid JSON exactly as `JSON.parse` does, and for JSON nested deeper
 * than {@link MAX_JSON_DEPTH}.
 */
export function parseJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  const { tooDeep, longNumber } = scan(text, MAX_JSON_DEPTH);
  if (tooDeep) throw new SyntaxError(`the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`);
  if (!longNumber) return value;
  // Validated above, so quoting cannot turn invalid JSON into valid JSON.
  return JSON.parse(quoteUnsafeIntegers(text));
}
