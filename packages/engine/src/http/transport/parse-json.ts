/**
 * @module JSON parsing that keeps integers beyond 2^53 exact. `JSON.parse` would round `9007199254740993` to
 * `9007199254740992`, silently changing upstream ids; such integers are returned as their decimal strings.
 * Bodies nested deeper than {@link MAX_JSON_DEPTH} are refused: `JSON.parse` copes, but everything after it that
 * recurses (mapping, re-serialising the answer) would overflow the stack on a hostile upstream's 5,000 levels.
 */
import { asciiJsonText } from './ascii-json-text.js';

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
 * Where the elements of one top-level array lie in the body's UTF-8 bytes: the root array, or an array held by a
 * key of the root object (`data`, `value`, …), where a list's `records:` usually points. `starts[i]`/`ends[i]`
 * bound the i-th element's bytes, surrounding whitespace excluded.
 */
export interface ArraySpans {
  /** The root object's key holding the array; null for the root array itself. */
  key: string | null;
  /** Where the array's `[` and `]` are. */
  open: number;
  close: number;
  starts: number[];
  ends: number[];
}

export interface Scan {
  /**
   * Where characters outside ASCII lie in strings: `[start, end)` byte offsets, pairs one after the other, each a
   * run of consecutive non-ASCII bytes.
   */
  wide: number[];
  /** A non-ASCII character right after a backslash: an invalid escape. */
  wideEscape: boolean;
  tooDeep: boolean;
  longNumber: boolean;
  /**
   * A number literal whose bytes a re-serialisation would not write back with the same meaning (`-0` becomes
   * `0`, an exponent may overflow to `null`).
   */
  oddNumber: boolean;
  arrays: ArraySpans[];
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The index of the first non-whitespace byte at or after `from` (JSON whitespace: space, tab, LF, CR). */
export function skipWhitespace(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length && isWhitespace(bytes[i]!)) i++;
  return i;
}

/** The index just past the last non-whitespace byte before `before`. */
function trimEnd(bytes: Uint8Array, before: number): number {
  let i = before;
  while (i > 0 && isWhitespace(bytes[i - 1]!)) i--;
  return i;
}

const decoder = new TextDecoder();

/**
 * One pass over UTF-8 bytes, no recursion: whether arrays and objects nest deeper than {@link MAX_JSON_DEPTH},
 * whether a number long enough to be unsafe occurs, the element spans of the top-level arrays and where characters
 * outside ASCII lie. Bytes, not the decoded text: a byte loop is cheaper than reading a (two-byte) string, and spans
 * in bytes can be written out as they are. In UTF-8 a quote or backslash byte is always that character, never
 * part of another one. It ends on any input, but what it says holds only for bytes a parser accepts.
 */
export function scanJson(bytes: Uint8Array): Scan {
  const limit = MAX_JSON_DEPTH;
  const arrays: ArraySpans[] = [];
  const wide: number[] = [];
  let wideEscape = false;
  const length = bytes.length;
  let depth = 0;
  let digits = 0;
  let longNumber = false;
  let oddNumber = false;
  // The top-level array being walked, and the depth of its elements (1 for a root array, 2 under a root key).
  let current: ArraySpans | undefined;
  let elementDepth = 0;
  // In the root object: whether the next string is a key, and the last key read.
  let rootObject = false;
  let expectKey = false;
  let key: string | null = null;
  let i = 0;
  while (i < length) {
    const byte = bytes[i]!;
    if (byte === 0x22) {
      const open = i;
      let escaped = false;
      i++;
      for (;;) {
        const inner = bytes[i];
        if (inner === 0x22 || inner === undefined) break;
        if (inner === 0x5c) {
          escaped = true;
          i++;
          if (bytes[i]! >= 0x80) wideEscape = true;
        } else if (inner >= 0x80) {
          const start = i;
          while (bytes[i + 1]! >= 0x80) i++;
          wide.push(start, i + 1);
        }
        i++;
      }
      i++;
      if (expectKey && depth === 1) {
        // An escaped key is read as JSON.parse reads it: `"d\u0061ta"` is `data`, and when a key repeats the
        // last occurrence is the parsed value (the spans of the last array with that key are linked last).
        key = escaped
          ? (JSON.parse(decoder.decode(bytes.subarray(open, i))) as string)
          : decoder.decode(bytes.subarray(open + 1, i - 1));
        expectKey = false;
      }
      digits = 0;
      continue;
    }
    if (byte >= 0x30 && byte <= 0x39) {
      if (++digits >= UNSAFE_DIGITS) longNumber = true;
      i++;
      continue;
    }
    digits = 0;
    if (byte === 0x5b || byte === 0x7b) {
      if (++depth > limit) return { wide, wideEscape, tooDeep: true, longNumber, oddNumber, arrays };
      if (depth === 1) {
        rootObject = byte === 0x7b;
        expectKey = rootObject;
      }
      if (byte === 0x5b && (depth === 1 || (depth === 2 && rootObject && key !== null))) {
        current = { key: depth === 1 ? null : key, open: i, close: -1, starts: [], ends: [] };
        elementDepth = depth;
        arrays.push(current);
        const first = skipWhitespace(bytes, i + 1);
        if (bytes[first] !== 0x5d) current.starts.push(first);
        i = first;
        continue;
      }
    } else if (byte === 0x5d || byte === 0x7d) {
      if (current !== undefined && depth === elementDepth) {
        if (current.starts.length > current.ends.length) current.ends.push(trimEnd(bytes, i));
        current.close = i;
        current = undefined;
      }
      depth--;
    } else if (byte === 0x2c) {
      if (current !== undefined && depth === elementDepth) {
        current.ends.push(trimEnd(bytes, i));
        i = skipWhitespace(bytes, i + 1);
        current.starts.push(i);
        continue;
      }
      if (depth === 1 && rootObject) expectKey = true;
    } else if (byte === 0x2d) {
      if (bytes[i + 1] === 0x30) oddNumber = true;
    } else if (byte === 0x65 || byte === 0x45) {
      const before = bytes[i - 1]!;
      if (before >= 0x30 && before <= 0x39) oddNumber = true;
    }
    i++;
  }
  return { wide, wideEscape, tooDeep: false, longNumber, oddNumber, arrays };
}

export interface ParsedJson {
  value: unknown;
  /**
   * The element spans of the top-level arrays, over the bytes given. Empty without bytes, when the value is not
   * the text's own reading (unsafe integers were quoted), or when a number would read differently once
   * re-serialised.
   */
  arrays: ArraySpans[];
}

/**
 * Parses JSON text; throws `SyntaxError` for invalid JSON exactly as `JSON.parse` does, and for JSON nested deeper
 * than {@link MAX_JSON_DEPTH}.
 */
export function parseJson(text: string): unknown {
  return parseJsonWithSpans(text).value;
}

/**
 * {@link parseJson}, and where the elements of the top-level arrays lie in `utf8`, the text's UTF-8 bytes (the
 * body as received, when it is UTF-8), found by the same scan as the guards.
 */
export function parseJsonWithSpans(text: string, utf8?: Uint8Array): ParsedJson {
  const value: unknown = JSON.parse(text);
  return guarded(text, value, scanJson(utf8 ?? Buffer.from(text)), utf8 !== undefined);
}

/**
 * {@link parseJsonWithSpans} straight from valid UTF-8 bytes (no byte-order mark): the scan comes first and finds
 * the few characters outside ASCII, so the text parsed is one-byte characters with those written as escapes
 * (`ascii-json-text.ts`) instead of the whole body decoded into a two-byte string.
 */
export function parseUtf8Json(utf8: Buffer, found: Scan = scanJson(utf8)): ParsedJson {
  // `"\é"` would read as a valid escaped backslash once `é` is escaped: refused as the parser refuses `"\é"`.
  if (found.wideEscape)
    throw new SyntaxError('a character outside ASCII follows a backslash in a JSON string');
  const text = asciiJsonText(utf8, found.wide);
  return guarded(text, JSON.parse(text), found, true);
}

function guarded(text: string, value: unknown, found: Scan, spans: boolean): ParsedJson {
  const { tooDeep, longNumber, oddNumber, arrays } = found;
  if (tooDeep) throw new SyntaxError(`the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`);
  if (!longNumber) return { value, arrays: !spans || oddNumber ? [] : arrays };
  // Validated above, so quoting cannot turn invalid JSON into valid JSON.
  return { value: JSON.parse(quoteUnsafeIntegers(text)), arrays: [] };
}
