/**
 * @module List answers written as bytes, with each upstream record spliced in as the upstream sent it
 * (`upstreamBytes`) instead of serialised again: the proxy's items, and `remote_data` of unified records. A
 * record whose bytes are not known (a computed `records:`, unsafe integers, a merged list, …) is serialised as
 * before, so the answer is always the same JSON value as a plain serialisation would give.
 */
import { randomUUID } from 'node:crypto';
import { type ByteSpan, upstreamBytes } from '@switchboard/engine';

/** Collects an answer as text pieces and upstream byte spans, written into one buffer at the end. */
class AnswerBytes {
  readonly #parts: (string | ByteSpan)[] = [];
  #text = '';
  /** At least the answer's size: a UTF-16 code unit takes at most 3 UTF-8 bytes. */
  #room = 0;

  text(piece: string): void {
    this.#text += piece;
  }

  bytes(span: ByteSpan): void {
    this.#flush();
    this.#parts.push(span);
    this.#room += span.end - span.start;
  }

  finish(): Buffer {
    this.#flush();
    // One allocation, each piece encoded or copied into place: no buffer per piece, no concatenation.
    const out = Buffer.allocUnsafe(this.#room);
    let at = 0;
    for (const part of this.#parts) {
      at += typeof part === 'string' ? out.write(part, at) : part.bytes.copy(out, at, part.start, part.end);
    }
    return out.subarray(0, at);
  }

  #flush(): void {
    if (this.#text === '') return;
    this.#parts.push(this.#text);
    this.#room += this.#text.length * 3;
    this.#text = '';
  }
}

/** Whether `bytes[from..to)` is one comma and whitespace: what separates two elements of one JSON array. */
function isSeparator(bytes: Buffer, from: number, to: number): boolean {
  let commas = 0;
  for (let i = from; i < to; i++) {
    const byte = bytes[i];
    if (byte === 0x2c) commas++;
    else if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  }
  return commas === 1;
}

export interface ProxyListAnswer {
  result: readonly unknown[];
  next_cursor: string | null;
  result_count: number;
  debug?: unknown;
}

/** `{"result":[…],"next_cursor":…,"prev_cursor":null,"result_count":N[,"debug":…]}`, items as they came. */
export function proxyListBytes(answer: ProxyListAnswer): Buffer {
  const bytesOf = upstreamBytes(answer.result);
  const out = new AnswerBytes();
  out.text('{"result":[');
  // Items that follow each other in one upstream page are written as one run of its bytes, separators included.
  let run: ByteSpan | undefined;
  answer.result.forEach((item, index) => {
    const span = bytesOf?.(index, item);
    if (span && run && span.bytes === run.bytes && isSeparator(span.bytes, run.end, span.start)) {
      run = { bytes: run.bytes, start: run.start, end: span.end };
      return;
    }
    if (run) out.bytes(run);
    run = span;
    if (index > 0) out.text(',');
    if (span === undefined) out.text(JSON.stringify(item) ?? 'null');
  });
  if (run) out.bytes(run);
  out.text(
    `],"next_cursor":${JSON.stringify(answer.next_cursor)},"prev_cursor":null,"result_count":${answer.result_count}`,
  );
  if (answer.debug !== undefined) out.text(`,"debug":${JSON.stringify(answer.debug)}`);
  out.text('}');
  return out.finish();
}

/** Stands in for a `remote_data` while the envelope is serialised; no upstream text can contain it. */
const MARKER = `remote-data:${randomUUID()}`;
const QUOTED_MARKER = `"${MARKER}"`;

/**
 * A unified list envelope: `serialize` (the route's schema serializer) writes every unified field as usual,
 * while each `remote_data` whose upstream bytes are known is written as those bytes. Undefined when no record has
 * known bytes or the serializer did not write each stand-in exactly once (the caller then serialises as before).
 */
export function unifiedListBytes(
  envelope: { result: readonly unknown[]; [field: string]: unknown },
  serialize: (envelope: { [field: string]: unknown }) => string,
): Buffer | undefined {
  const bytesOf = upstreamBytes(envelope.result);
  if (bytesOf === undefined) return undefined;
  const swapped: { record: Record<string, unknown>; remote: unknown; raw: ByteSpan }[] = [];
  for (const [index, item] of envelope.result.entries()) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as Record<string, unknown>;
    const remote = record['remote_data'];
    if (remote === undefined) continue;
    const raw = bytesOf(index, remote);
    if (raw === undefined) continue;
    swapped.push({ record, remote, raw });
    record['remote_data'] = MARKER;
  }
  if (swapped.length === 0) return undefined;
  let text: string;
  try {
    text = serialize(envelope);
  } finally {
    for (const { record, remote } of swapped) record['remote_data'] = remote;
  }
  const pieces = text.split(QUOTED_MARKER);
  if (pieces.length !== swapped.length + 1) return undefined;
  const out = new AnswerBytes();
  out.text(pieces[0]!);
  for (let i = 0; i < swapped.length; i++) {
    out.bytes(swapped[i]!.raw);
    out.text(pieces[i + 1]!);
  }
  return out.finish();
}
