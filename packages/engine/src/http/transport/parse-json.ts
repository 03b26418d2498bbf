/**
 * @module JSON parsing that keeps integers beyond 2^53 exact. `JSON.parse` would round `9007199254740993` to
 * `9007199254740992`, silently changing upstream ids; such integers are returned as their decimal strings.
 * Bodies nested deeper than {@link MAX_JSON_DEPTH} are refused: `JSON.parse` copes, but everything after it that
 * recurses (mapping, re-serialising the answer) would overflow the stack on a hostile upstream's 5,000 levels.
 */

/** Deeper than any real API answer; shallow enough that recursive consumers stay far from the stack limit. */
export const MAX_JSON_DEPTH = 128;

/** A run this long is the only way a JSON text can hold an unsafe integer; most bodies skip the slow path. */
const LONG_DIGIT_RUN = /\d{16}/;
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

/** Wraps every unsafe integer literal outside strings in quotes. The input must already be valid JSON. */
function quoteUnsafeIntegers(text: string): string {
  let output = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      i++;
      while (i < text.length) {
        const inner = text.charCodeAt(i);
        if (inner === 0x5c) i += 2;
        else {
          i++;
          if (inner === 0x22) break;
        }
      }
    } else if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
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

/** True when arrays and objects (outside strings) nest deeper than `limit`. One pass, no recursion. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      i++;
      while (i < text.length) {
        const inner = text.charCodeAt(i);
        if (inner === 0x5c) i += 2;
        else {
          i++;
          if (inner === 0x22) break;
        }
      }
      continue;
    }
    if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth--;
    i++;
  }
  return false;
}

/**
 * Parses JSON text; throws `SyntaxError` for invalid JSON exactly as `JSON.parse` does, and for JSON nested deeper
 * than {@link MAX_JSON_DEPTH}.
 */
export function parseJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new SyntaxError(`the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  if (!LONG_DIGIT_RUN.test(text)) return value;
  // Validated above, so quoting cannot turn invalid JSON into valid JSON.
  return JSON.parse(quoteUnsafeIntegers(text));
}
