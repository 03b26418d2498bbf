/**
 * @module The bytes an upstream sent for each record, so an answer can write them back instead of serialising
 * the parsed records again. Three links, each made once per body, page or answer (never per record, which would
 * cost more than it saves):
 * - parsing a UTF-8 body remembers where the elements of its top-level arrays lie in its bytes;
 * - extracting a page's records links the records array to those spans when it holds exactly the elements of one
 *   such array, in order (`records:` absent, `data`, `value`, …); anything else (a computed `records:`, unsafe
 *   integers, `-0`, exponents, another charset) links nothing;
 * - collecting an answer links its records array to where each output came from.
 * An answer then asks {@link upstreamBytes} for its records; a record without known bytes is serialised as before.
 * The bytes stay valid because nothing changes a parsed upstream record: mappings build new objects.
 */
import type { ArraySpans } from './parse-json.js';

interface BodyBytes {
  bytes: Buffer;
  arrays: ArraySpans[];
}

/**
 * `bytes[start..end)`: a record's JSON. A span rather than a view: views cost an object each, and the records of one
 * page lie one after the other, separated by a comma, so a writer can copy a run of them at once.
 */
export interface ByteSpan {
  bytes: Buffer;
  start: number;
  end: number;
}

/** The bytes of each record of one page, aligned with its records array. */
export interface PageBytes {
  bytes: Buffer;
  starts: readonly number[];
  ends: readonly number[];
}

const bodies = new WeakMap<object, BodyBytes>();
const pages = new WeakMap<readonly unknown[], PageBytes>();
const answers = new WeakMap<readonly unknown[], RecordOrigins>();

/** Called by the body parser: `body` was parsed from the UTF-8 `bytes`, whose top-level arrays are `arrays`. */
export function rememberBodySource(body: unknown, bytes: Buffer, arrays: ArraySpans[]): void {
  if (arrays.length > 0 && typeof body === 'object' && body !== null) bodies.set(body, { bytes, arrays });
}

/**
 * Links `records` (a page's records, extracted from `body`) to their bytes when they are exactly the elements of
 * one of the body's top-level arrays, in order; otherwise links nothing.
 */
export function rememberRecordSources(body: unknown, records: readonly unknown[]): void {
  if (records.length === 0 || typeof body !== 'object' || body === null) return;
  const parsed = bodies.get(body);
  if (parsed === undefined) return;
  for (const spans of parsed.arrays) {
    const array = spans.key === null ? body : (body as Record<string, unknown>)[spans.key];
    if (!Array.isArray(array) || array.length !== records.length || array.length !== spans.starts.length)
      continue;
    if (array !== records && !sameElements(array, records)) continue;
    pages.set(records, { bytes: parsed.bytes, starts: spans.starts, ends: spans.ends });
    return;
  }
}

function sameElements(a: readonly unknown[], b: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The bytes of a page's records, when {@link rememberRecordSources} linked them. */
export function pageBytesOf(records: readonly unknown[]): PageBytes | undefined {
  return pages.get(records);
}

/**
 * Where each output of an answer came from: the upstream record it was made from (the output itself for proxy
 * lists, its `remote_data` for unified ones) and that record's bytes. Filled while collecting.
 */
export class RecordOrigins {
  readonly #sources: unknown[] = [];
  readonly #pages: (PageBytes | undefined)[] = [];
  readonly #indexes: number[] = [];

  /** Output `output` was made from record `index` of a page whose bytes are `page`. */
  note(output: number, source: unknown, page: PageBytes, index: number): void {
    this.#sources[output] = source;
    this.#pages[output] = page;
    this.#indexes[output] = index;
  }

  /** Where the bytes of `source` lie when output `output` was made from it. */
  bytesOf(output: number, source: unknown): ByteSpan | undefined {
    const page = this.#pages[output];
    if (page === undefined || source !== this.#sources[output]) return undefined;
    const index = this.#indexes[output]!;
    return { bytes: page.bytes, start: page.starts[index]!, end: page.ends[index]! };
  }

  /** Makes these the origins of `answer`, the records array a list result returns. */
  attachTo(answer: readonly unknown[]): void {
    answers.set(answer, this);
  }
}

/**
 * For the records of a list result (`result`): a function giving where the UTF-8 JSON the upstream sent for
 * `source` lies when output `index` was made from it — the proxy's items themselves, a unified record's
 * `remote_data` — or undefined. Parsing those bytes gives a value equal to `source`; they may differ from
 * `JSON.stringify(source)` in whitespace, escapes and number spelling (`1.50`). Undefined when no record of the
 * answer has known bytes.
 */
export function upstreamBytes(
  result: readonly unknown[],
): ((index: number, source: unknown) => ByteSpan | undefined) | undefined {
  const origins = answers.get(result);
  return origins && ((index, source) => origins.bytesOf(index, source));
}
