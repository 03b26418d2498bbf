/**
 * @module Turns a decoded body into what `run/` maps: JSON (big integers kept), text, or null when empty.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { UpstreamInvalidBody } from '../../errors.js';
import { parseJsonWithSpans } from './parse-json.js';
import { rememberBodySource } from './raw-json.js';

const JSON_TYPE = /^(?:application\/(?:[\w.+-]+\+)?json|text\/json)\s*(?:;|$)/i;
const CHARSET = /;\s*charset="?([\w-]+)"?/i;

/** Labels whose decoding leaves ASCII bytes as they are. */
const ASCII_COMPATIBLE = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii', 'iso-8859-1', 'latin1']);

interface Decoded {
  text: string;
  /** The bytes whose UTF-8 reading the text is (the body, a BOM left out); undefined under another charset. */
  utf8: Buffer | undefined;
}

const UTF8_LABELS = new Set(['utf-8', 'utf8']);
const BOM = [0xef, 0xbb, 0xbf] as const;

function decodeText(buffer: Buffer, contentType: string | undefined): Decoded {
  const charset = CHARSET.exec(contentType ?? '')?.[1]?.toLowerCase();
  // Most API pages are pure ASCII: one native check, then a copy into a one-byte string, instead of a UTF-8 decode
  // (about 30× cheaper on a 90 KB page). A BOM or any other byte above 0x7f takes the decoder.
  if ((charset === undefined || ASCII_COMPATIBLE.has(charset)) && isAscii(buffer)) {
    return { text: buffer.toString('latin1'), utf8: buffer };
  }
  let text: string;
  try {
    text = new TextDecoder(charset ?? 'utf-8').decode(buffer);
  } catch {
    // An unknown charset label: UTF-8 is the only sensible guess for an API.
    return { text: buffer.toString('utf8'), utf8: undefined };
  }
  // Valid UTF-8 decodes to exactly its characters (the decoder drops a leading BOM); invalid bytes were replaced.
  const utf8 = (charset === undefined || UTF8_LABELS.has(charset)) && isUtf8(buffer);
  if (!utf8) return { text, utf8: undefined };
  const bom = buffer[0] === BOM[0] && buffer[1] === BOM[1] && buffer[2] === BOM[2];
  return { text, utf8: bom ? buffer.subarray(3) : buffer };
}

/** Parses, and remembers where the body's top-level array elements lie in its bytes (see `raw-json.ts`). */
function parseJsonBody({ text, utf8 }: Decoded): unknown {
  const { value, arrays } = parseJsonWithSpans(text, utf8);
  if (utf8 !== undefined) rememberBodySource(value, utf8, arrays);
  return value;
}

export function parseBody(
  buffer: Buffer,
  contentType: string | undefined,
  context: { label: string; status: number },
): unknown {
  const decoded = decodeText(buffer, contentType);
  const { text } = decoded;
  if (text.trim() === '') return null;
  if (contentType === undefined) {
    // No declared type: JSON when it parses, the text otherwise.
    try {
      return parseJsonBody(decoded);
    } catch {
      return text;
    }
  }
  if (!JSON_TYPE.test(contentType)) return text;
  try {
    return parseJsonBody(decoded);
  } catch (error) {
    throw new UpstreamInvalidBody(context.label, { cause: error, details: { status: context.status } });
  }
}
