/**
 * @module Turns a decoded body into what `run/` maps: JSON (big integers kept), text, or null when empty.
 */
import { isAscii } from 'node:buffer';
import { UpstreamInvalidBody } from '../../errors.js';
import { parseJson } from './parse-json.js';

const JSON_TYPE = /^(?:application\/(?:[\w.+-]+\+)?json|text\/json)\s*(?:;|$)/i;
const CHARSET = /;\s*charset="?([\w-]+)"?/i;

/** Labels whose decoding leaves ASCII bytes as they are. */
const ASCII_COMPATIBLE = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii', 'iso-8859-1', 'latin1']);

function decodeText(buffer: Buffer, contentType: string | undefined): string {
  const charset = CHARSET.exec(contentType ?? '')?.[1];
  // Most API pages are pure ASCII: one native check, then a copy into a one-byte string, instead of a UTF-8 decode
  // (about 30× cheaper on a 90 KB page). A BOM or any other byte above 0x7f takes the decoder.
  if ((charset === undefined || ASCII_COMPATIBLE.has(charset.toLowerCase())) && isAscii(buffer)) {
    return buffer.toString('latin1');
  }
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(buffer);
  } catch {
    // An unknown charset label: UTF-8 is the only sensible guess for an API.
    return buffer.toString('utf8');
  }
}

export function parseBody(
  buffer: Buffer,
  contentType: string | undefined,
  context: { label: string; status: number },
): unknown {
  const text = decodeText(buffer, contentType);
  if (text.trim() === '') return null;
  if (contentType === undefined) {
    // No declared type: JSON when it parses, the text otherwise.
    try {
      return parseJson(text);
    } catch {
      return text;
    }
  }
  if (!JSON_TYPE.test(contentType)) return text;
  try {
    return parseJson(text);
  } catch (error) {
    throw new UpstreamInvalidBody(context.label, { cause: error, details: { status: context.status } });
  }
}
