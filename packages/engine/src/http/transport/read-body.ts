/**
 * @module Reads a response body under a size cap and undoes `Content-Encoding`. The cap applies to the bytes
 * received and again to the decoded bytes, so a small gzip bomb cannot blow up memory.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { UpstreamInvalidBody, UpstreamTooLarge } from '../../errors.js';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

export interface BodyStream extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
  on?(event: 'error', listener: (error: Error) => void): unknown;
}

/** Stops reading a body we no longer want; the abort error undici then emits is expected, not a failure. */
export function abandonBody(body: BodyStream): void {
  body.on?.('error', () => {});
  body.destroy();
}

export interface ReadBodyOptions {
  maxBytes: number;
  contentLength: string | undefined;
  contentEncoding: string | undefined;
  /** For errors. */
  label: string;
  status: number;
}

function tooLarge(options: ReadBodyOptions, cause?: unknown): Error {
  return new UpstreamTooLarge(options.maxBytes, {
    ...(cause === undefined ? {} : { cause }),
    details: { label: options.label, status: options.status, limit: options.maxBytes },
  });
}

// "deflate" is specified as zlib-wrapped, but some servers send raw deflate; the zlib header is recognisable.
function isZlibWrapped(buffer: Buffer): boolean {
  return buffer.length >= 2 && (buffer[0]! & 0x0f) === 8 && ((buffer[0]! << 8) | buffer[1]!) % 31 === 0;
}

async function decode(buffer: Buffer, encoding: string, maxOutputLength: number): Promise<Buffer> {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return gunzip(buffer, { maxOutputLength });
    case 'deflate':
      return isZlibWrapped(buffer)
        ? inflate(buffer, { maxOutputLength })
        : inflateRaw(buffer, { maxOutputLength });
    case 'br':
      return brotli(buffer, { maxOutputLength });
    case 'identity':
      return buffer;
    default:
      throw new Error(`unsupported content-encoding "${encoding}"`);
  }
}

export async function readBody(body: BodyStream, options: ReadBodyOptions): Promise<Buffer> {
  const declared = Number(options.contentLength);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    abandonBody(body);
    throw tooLarge(options);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > options.maxBytes) {
      abandonBody(body);
      throw tooLarge(options);
    }
    chunks.push(chunk);
  }
  let buffer: Buffer = Buffer.concat(chunks, size);
  const encodings = (options.contentEncoding ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)
    .reverse();
  for (const encoding of encodings) {
    if (buffer.length === 0) break;
    try {
      buffer = await decode(buffer, encoding, options.maxBytes);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(options, error);
      throw new UpstreamInvalidBody(options.label, {
        cause: error,
        details: { status: options.status, reason: `cannot decode ${encoding} body` },
      });
    }
  }
  return buffer;
}
