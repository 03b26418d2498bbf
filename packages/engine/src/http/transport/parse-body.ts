/**
 * @module Turns a decoded body into what `run/` maps: JSON (big integers kept), text, or null when empty.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { UpstreamInvalidBody } from '../../errors.js';
import { type ParsedJson, parseJsonWithSpans, parseUtf8Json, skipWhitespace } from './parse-json.js';
import { rememberBodySource } from './raw-json.js';
import { parseRecordsAsBytes } from './records-as-bytes.js';

const JSON_TYPE = /^(?:application\/(?:[\w.+-]+\+)?json|text\/json)\s*(?:;|$)/i;
const CHARSET = /;\s*charset="?([\w-]+)"?/i;

/** Labels whose decoding leaves ASCII bytes as they are. */
const ASCII_COMPATIBLE = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii', 'iso-8859-1', 'latin1']);

/** A body as text, and how to parse it as JSON. */
interface Decoded {
  /** The body as text, decoded on first use (a JSON body rarely needs it). */
  text: () => string;
  /** Parses the body as JSON (big integers kept, depth refused) with the spans of its top-level arrays. */
  parse: () => ParsedJson;
  /** The bytes whose UTF-8 reading the text is (the body, a BOM left out); undefined under another charset. */
  utf8: Buffer | undefined;
}

const UTF8_LABELS = new Set(['utf-8', 'utf8']);
const BOM = [0xef, 0xbb, 0xbf] as const;

function hasBom(buffer: Buffer): boolean {
  return buffer[0] === BOM[0] && buffer[1] === BOM[1] && buffer[2] === BOM[2];
}

function decoded(text: string, utf8: Buffer | undefined): Decoded {
  return { text: () => text, parse: () => parseJsonWithSpans(text, utf8), utf8 };
}

function decodeText(buffer: Buffer, contentType: string | undefined, recordsKey: RecordsKey): Decoded {
  const charset = CHARSET.exec(contentType ?? '')?.[1]?.toLowerCase();
  const utf8Label = charset === undefined || UTF8_LABELS.has(charset);
  // Most API pages are ASCII, or UTF-8 with a few names in other scripts: parsed from the bytes, as one-byte text
  // (`parseUtf8Json`), instead of decoding the whole page into a two-byte string first.
  if (
    (charset === undefined || ASCII_COMPATIBLE.has(charset)) &&
    (isAscii(buffer) || (utf8Label && !hasBom(buffer) && isUtf8(buffer)))
  ) {
    let text: string | undefined;
    return {
      text: () => (text ??= buffer.toString('utf8')),
      parse: () =>
        recordsKey === undefined ? parseUtf8Json(buffer) : parseRecordsAsBytes(buffer, recordsKey),
      utf8: buffer,
    };
  }
  let text: string;
  try {
    text = new TextDecoder(charset ?? 'utf-8').decode(buffer);
  } catch {
    // An unknown charset label: UTF-8 is the only sensible guess for an API.
    return decoded(buffer.toString('utf8'), undefined);
  }
  // Valid UTF-8 decodes to exactly its characters (the decoder drops a leading BOM); invalid bytes were replaced.
  if (!utf8Label || !isUtf8(buffer)) return decoded(text, undefined);
  return decoded(text, hasBom(buffer) ? buffer.subarray(3) : buffer);
}

/**
 * Empty or only whitespace, as the text trimmed says. A printable ASCII byte of a UTF-8 body settles it without
 * decoding; anything else may still be whitespace (`\v`, `\f`, Unicode spaces, another charset's encoding).
 */
function isBlank(buffer: Buffer, body: Decoded): boolean {
  const i = skipWhitespace(buffer, 0);
  if (i === buffer.length) return true;
  const byte = buffer[i]!;
  if (body.utf8 !== undefined && byte > 0x20 && byte < 0x80) return false;
  return body.text().trim() === '';
}

/** Parses, and remembers where the body's top-level array elements lie in its bytes (see `raw-json.ts`). */
function parseJsonBody(body: Decoded): unknown {
  const { value, arrays } = body.parse();
  if (body.utf8 !== undefined) rememberBodySource(value, body.utf8, arrays);
  return value;
}

/**
 * Where a body holds records that are only ever written out as their bytes: the root array (null) or the array
 * at a key of the root object; undefined when every value must be parsed (`records-as-bytes.ts`).
 */
export type RecordsKey = string | null | undefined;

export function parseBody(
  buffer: Buffer,
  contentType: string | undefined,
  context: { label: string; status: number },
  recordsKey?: RecordsKey,
): unknown {
  const body = decodeText(buffer, contentType, recordsKey);
  if (isBlank(buffer, body)) return null;
  if (contentType === undefined) {
    // No declared type: JSON when it parses, the text otherwise.
    try {
      return parseJsonBody(body);
    } catch {
      return body.text();
    }
  }
  if (!JSON_TYPE.test(contentType)) return body.text();
  try {
    return parseJsonBody(body);
  } catch (error) {
    throw new UpstreamInvalidBody(context.label, { cause: error, details: { status: context.status } });
  }
}
