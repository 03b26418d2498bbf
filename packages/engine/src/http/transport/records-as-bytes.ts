/**
 * @module Parsing a page whose records are only ever written out as the bytes the upstream sent (a proxy list):
 * the records array is proven valid JSON by a byte scan, and each of its elements becomes a {@link RawRecord},
 * a span of the page's bytes, instead of a parsed object. The rest of the body (a next link, a count) is parsed
 * as usual. Parsing 50 user objects per proxy answer, and collecting them again, was about a third of its CPU.
 *
 * The caller promises that nothing reads a record's fields (`run/` decides per call target, see
 * `recordsKey`); serialising one (a carried rest in a cursor, an error's details) parses its bytes then.
 */

import { asciiJsonText } from './ascii-json-text.js';
import { isJsonValue, type JsonOutline } from './json-validator.js';
import { type ArraySpans, MAX_JSON_DEPTH, type ParsedJson, parseUtf8Json, scanJson } from './parse-json.js';

/** One record of a page, as its bytes: `bytes[start..end)`. */
export class RawRecord {
  readonly bytes: Buffer;
  readonly start: number;
  readonly end: number;

  constructor(bytes: Buffer, start: number, end: number) {
    this.bytes = bytes;
    this.start = start;
    this.end = end;
  }

  /** What `JSON.parse` would have given for the record (integers beyond 2^53 as strings, as always). */
  value(): unknown {
    return parseUtf8Json(this.bytes.subarray(this.start, this.end)).value;
  }

  toJSON(): unknown {
    return this.value();
  }
}

/** A page that is the records array: one validating pass, which also finds the records and the depth. */
function rootRecords(utf8: Buffer): ParsedJson {
  const outline: JsonOutline = { depth: 0, starts: [], ends: [], oddNumber: false };
  if (!isJsonValue(utf8, 0, utf8.length, outline)) {
    // Not JSON at all; the full parse says why, as it always did.
    return parseUtf8Json(utf8);
  }
  if (outline.depth > MAX_JSON_DEPTH)
    throw new SyntaxError(`the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`);
  const { starts, ends } = outline;
  // Not an array, or an empty one: nothing to keep as bytes. A number a parse would change (an integer beyond
  // 2^53 becomes a string): answered as a parsed page is, so the proxy and `remote_data` agree.
  if (starts.length === 0 || outline.oddNumber) return parseUtf8Json(utf8);
  const records = starts.map((start, i) => new RawRecord(utf8, start, ends[i]!));
  return { value: records, arrays: [{ key: null, open: -1, close: -1, starts, ends }] };
}

/** The last top-level array at `key` (JSON.parse keeps the last of repeated keys). */
function arrayAt(arrays: readonly ArraySpans[], key: string | null): ArraySpans | undefined {
  for (let i = arrays.length - 1; i >= 0; i--) if (arrays[i]!.key === key) return arrays[i];
  return undefined;
}

/**
 * Valid UTF-8 JSON `utf8` parsed with the elements of its records array — the root array (`key` null) or the
 * array at a key of the root object — as {@link RawRecord}s. Anything unusual (no such array, an empty one, a
 * number a parse would change, such as an integer beyond 2^53 that is answered as a string) is parsed in full
 * instead, so the answer is what a parsed page gives. Throws `SyntaxError` as `JSON.parse` does, and for a body
 * nested too deep.
 */
export function parseRecordsAsBytes(utf8: Buffer, key: string | null): ParsedJson {
  if (key === null) return rootRecords(utf8);
  const found = scanJson(utf8);
  const spans = arrayAt(found.arrays, key);
  if (
    key === '__proto__' ||
    spans === undefined ||
    spans.starts.length === 0 ||
    spans.close < 0 ||
    found.tooDeep ||
    found.wideEscape ||
    found.longNumber ||
    found.oddNumber
  ) {
    return parseUtf8Json(utf8, found);
  }
  const records = spans.starts.map((start, i) => new RawRecord(utf8, start, spans.ends[i]!));
  if (!isJsonValue(utf8, spans.open, spans.close + 1)) {
    throw new SyntaxError(`the records array at "${key}" is not valid JSON`);
  }
  // The body without the array's elements: `{"data":[],"next":…}`, parsed (and so validated) as usual.
  const rest =
    asciiJsonText(utf8, found.wide, 0, spans.open + 1) + asciiJsonText(utf8, found.wide, spans.close);
  const value = JSON.parse(rest) as unknown;
  const emptied =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  // A later key of the same name that is not an array won: the page is not what the scan saw.
  if (!Array.isArray(emptied) || emptied.length !== 0) return parseUtf8Json(utf8, found);
  (value as Record<string, unknown>)[key] = records;
  return { value, arrays: [spans] };
}
