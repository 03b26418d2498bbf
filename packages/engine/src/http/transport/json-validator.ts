/**
 * @module Validates JSON bytes without parsing them. The proxy copies the bytes of an upstream page's records into
 * its answer instead of `JSON.parse`-ing them and collecting the objects (most of its cost); a garbage upstream
 * must still not produce a broken answer, so the bytes are first proven to be JSON exactly as strict as
 * `JSON.parse`. One byte loop with no recursion (a hostile upstream may nest 100,000 levels; depth is limited
 * elsewhere) and no allocation for ordinary depths. The bytes must already be known valid UTF-8: inside strings
 * any byte from 0x80 is accepted as part of a character.
 */

const OBJECT = 1;
const ARRAY = 2;

/** Bytes a string holds as they are: `"` ends it, `\` starts an escape, and `JSON.parse` refuses raw controls. */
const PLAIN_STRING_BYTE = new Uint8Array(256);
/** The characters after a backslash that make a whole escape (`u` needs four hex digits besides). */
const SHORT_ESCAPE = new Uint8Array(256);
const HEX_DIGIT = new Uint8Array(256);
for (let byte = 0x20; byte < 256; byte++) PLAIN_STRING_BYTE[byte] = 1;
PLAIN_STRING_BYTE[0x22] = 0;
PLAIN_STRING_BYTE[0x5c] = 0;
for (const char of '"\\/bfnrt') SHORT_ESCAPE[char.charCodeAt(0)] = 1;
for (const char of '0123456789abcdefABCDEF') HEX_DIGIT[char.charCodeAt(0)] = 1;

/**
 * The container kinds of the open arrays and objects, shared by all calls (the function is synchronous and not
 * reentrant) so that ordinary depths allocate nothing; deeper input grows a private copy, which is dropped after.
 */
const SHARED_STACK = new Uint8Array(256);

function grown(stack: Uint8Array): Uint8Array {
  const larger = new Uint8Array(stack.length * 2);
  larger.set(stack);
  return larger;
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

/** The first index at or after `i` that is not JSON whitespace (only these four: `JSON.parse` refuses `\v`, NBSP…). */
function skipWhitespace(bytes: Uint8Array, i: number, end: number): number {
  while (i < end) {
    const byte = bytes[i]!;
    // Every token starts above 0x20: one comparison for the common case of compact JSON.
    if (byte > 0x20 || (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09)) return i;
    i++;
  }
  return i;
}

/** The index just past the string whose opening quote is at `i`, or -1 when it is not a valid string. */
function afterString(bytes: Uint8Array, i: number, end: number): number {
  i++;
  for (;;) {
    // Strings are most of an API body's bytes: four bytes per loop test where the string has them (measured
    // faster than one; eight was slower on short strings), then byte by byte to the stop.
    while (
      i + 4 <= end &&
      (PLAIN_STRING_BYTE[bytes[i]!]! &
        PLAIN_STRING_BYTE[bytes[i + 1]!]! &
        PLAIN_STRING_BYTE[bytes[i + 2]!]! &
        PLAIN_STRING_BYTE[bytes[i + 3]!]!) ===
        1
    )
      i += 4;
    while (i < end && PLAIN_STRING_BYTE[bytes[i]!] === 1) i++;
    if (i >= end) return -1;
    const byte = bytes[i]!;
    if (byte === 0x22) return i + 1;
    // A raw control character.
    if (byte !== 0x5c) return -1;
    if (i + 1 >= end) return -1;
    const escaped = bytes[i + 1]!;
    if (SHORT_ESCAPE[escaped] === 1) i += 2;
    else if (
      escaped === 0x75 &&
      i + 5 < end &&
      HEX_DIGIT[bytes[i + 2]!] === 1 &&
      HEX_DIGIT[bytes[i + 3]!] === 1 &&
      HEX_DIGIT[bytes[i + 4]!] === 1 &&
      HEX_DIGIT[bytes[i + 5]!] === 1
    )
      i += 6;
    else return -1;
  }
}

/**
 * The index just past the number starting at `i` (a `-` or a digit), or -1 when it is not a valid number. A
 * leading zero followed by digits (`01`) ends the number after the zero; the caller then refuses the digit that
 * follows it, as no value may follow another without a separator.
 */
function afterNumber(bytes: Uint8Array, i: number, end: number): number {
  if (bytes[i] === 0x2d) i++;
  if (i >= end) return -1;
  const first = bytes[i]!;
  if (first === 0x30) i++;
  else if (first >= 0x31 && first <= 0x39) {
    i++;
    while (i < end && isDigit(bytes[i]!)) i++;
  } else return -1;
  if (i < end && bytes[i] === 0x2e) {
    const digits = ++i;
    while (i < end && isDigit(bytes[i]!)) i++;
    if (i === digits) return -1;
  }
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    i++;
    if (i < end && (bytes[i] === 0x2b || bytes[i] === 0x2d)) i++;
    const digits = i;
    while (i < end && isDigit(bytes[i]!)) i++;
    if (i === digits) return -1;
  }
  return i;
}

/**
 * From an object member's first byte (`i`, whitespace skipped): past its key, the colon and the whitespace around
 * it, to its value's first byte; -1 when that is not a key and a colon.
 */
function toMemberValue(bytes: Uint8Array, i: number, end: number): number {
  if (i >= end || bytes[i] !== 0x22) return -1;
  i = afterString(bytes, i, end);
  if (i < 0) return -1;
  i = skipWhitespace(bytes, i, end);
  if (i >= end || bytes[i] !== 0x3a) return -1;
  return skipWhitespace(bytes, i + 1, end);
}

/**
 * What the one pass also notes, when asked: how deep the value nests, and — when it is an array — where each of
 * its elements lies (`starts[i]`/`ends[i]`, whitespace excluded), so a caller need not scan the bytes again.
 */
export interface JsonOutline {
  depth: number;
  starts: number[];
  ends: number[];
  /**
   * A number a parse and re-serialisation might not give back as written: 16 digits or more in a row (an integer
   * beyond 2^53 would be rounded), `-0…`, or an exponent (which may overflow). The same rule as the guard scan's.
   */
  oddNumber: boolean;
}

/** Whether the number `bytes[start..end)` is one {@link JsonOutline.oddNumber} is about. */
function isOddNumber(bytes: Uint8Array, start: number, end: number): boolean {
  if (bytes[start] === 0x2d && bytes[start + 1] === 0x30) return true;
  let run = 0;
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    if (byte === 0x65 || byte === 0x45) return true;
    run = isDigit(byte) ? run + 1 : 0;
    if (run >= 16) return true;
  }
  return false;
}

/**
 * Whether bytes[start..end) is exactly one JSON value (RFC 8259), optionally surrounded by JSON whitespace.
 * Accepts exactly what `JSON.parse` accepts, for valid UTF-8 without a byte-order mark (which `TextDecoder` would
 * strip, but which is not JSON whitespace and would corrupt bytes copied elsewhere). Any depth is accepted;
 * `outline` (filled while validating) says how deep.
 */
export function isJsonValue(bytes: Uint8Array, start: number, end: number, outline?: JsonOutline): boolean {
  if (!(start >= 0 && start <= end && end <= bytes.length))
    throw new RangeError(`[${start}, ${end}) is not a window of ${bytes.length} bytes`);
  let stack: Uint8Array = SHARED_STACK;
  let depth = 0;
  let i = skipWhitespace(bytes, start, end);
  // Element spans are noted only for a root array.
  const elements = outline !== undefined && bytes[i] === 0x5b ? outline : undefined;
  for (;;) {
    // At the first byte of a value (whitespace already skipped).
    if (i >= end) return false;
    if (elements !== undefined && depth === 1) elements.starts.push(i);
    const byte = bytes[i]!;
    if (byte === 0x22) i = afterString(bytes, i, end);
    else if (byte === 0x2d || isDigit(byte)) {
      const from = i;
      i = afterNumber(bytes, i, end);
      if (outline !== undefined && i > 0 && isOddNumber(bytes, from, i)) outline.oddNumber = true;
    } else if (byte === 0x7b) {
      i = skipWhitespace(bytes, i + 1, end);
      if (i < end && bytes[i] === 0x7d) {
        i++;
        if (outline !== undefined && depth >= outline.depth) outline.depth = depth + 1;
      } else {
        i = toMemberValue(bytes, i, end);
        if (i < 0) return false;
        if (depth === stack.length) stack = grown(stack);
        stack[depth++] = OBJECT;
        if (outline !== undefined && depth > outline.depth) outline.depth = depth;
        continue;
      }
    } else if (byte === 0x5b) {
      i = skipWhitespace(bytes, i + 1, end);
      if (i < end && bytes[i] === 0x5d) {
        i++;
        if (outline !== undefined && depth >= outline.depth) outline.depth = depth + 1;
      } else {
        if (depth === stack.length) stack = grown(stack);
        stack[depth++] = ARRAY;
        if (outline !== undefined && depth > outline.depth) outline.depth = depth;
        continue;
      }
    } else if (byte === 0x74) {
      // true
      if (i + 3 < end && bytes[i + 1] === 0x72 && bytes[i + 2] === 0x75 && bytes[i + 3] === 0x65) i += 4;
      else return false;
    } else if (byte === 0x66) {
      // false
      if (
        i + 4 < end &&
        bytes[i + 1] === 0x61 &&
        bytes[i + 2] === 0x6c &&
        bytes[i + 3] === 0x73 &&
        bytes[i + 4] === 0x65
      )
        i += 5;
      else return false;
    } else if (byte === 0x6e) {
      // null
      if (i + 3 < end && bytes[i + 1] === 0x75 && bytes[i + 2] === 0x6c && bytes[i + 3] === 0x6c) i += 4;
      else return false;
    } else return false;
    if (i < 0) return false;

    // After a value: close the containers it completes, then step over a comma to the next value.
    for (;;) {
      if (elements !== undefined && depth === 1) elements.ends.push(i);
      i = skipWhitespace(bytes, i, end);
      if (depth === 0) return i === end;
      if (i >= end) return false;
      const next = bytes[i]!;
      const kind = stack[depth - 1]!;
      if (next === 0x2c) {
        i = skipWhitespace(bytes, i + 1, end);
        if (kind === OBJECT) {
          i = toMemberValue(bytes, i, end);
          if (i < 0) return false;
        }
        break;
      }
      if (next !== (kind === OBJECT ? 0x7d : 0x5d)) return false;
      depth--;
      i++;
    }
  }
}
