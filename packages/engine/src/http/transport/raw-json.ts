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
 *
 * Each link is a non-enumerable symbol property on the array it describes (JSON, spreads, `Object.keys` and
 * equality checks do not see it; a copy of the array drops it, and with it the bytes). Not a `WeakMap`: entries
 * keyed by short-lived objects made V8's young-generation collections several times more expensive (a third of
 * the time of a parse-and-answer loop went to the collector).
 */
import type { ArraySpans } from './parse-json.js';

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

const PAGE_BYTES = Symbol('page bytes');
const ORIGINS = Symbol('record origins');

type Linked<K extends symbol, V> = readonly unknown[] & { [key in K]?: V };

function link<K extends symbol, V>(array: readonly unknown[], key: K, value: V): void {
  Object.defineProperty(array, key, { value, enumerable: false, configurable: true, writable: true });
}

/** Called by the body parser: `body` was parsed from the UTF-8 `bytes`, whose top-level arrays are `arrays`. */
export function rememberBodySource(body: unknown, bytes: Buffer, arrays: ArraySpans[]): void {
  if (typeof body !== 'object' || body === null) return;
  for (const spans of arrays) {
    const array = spans.key === null ? body : (body as Record<string, unknown>)[spans.key];
    if (Array.isArray(array) && array.length > 0 && array.length === spans.starts.length) {
      link(array, PAGE_BYTES, { bytes, starts: spans.starts, ends: spans.ends });
    }
  }
}

/**
 * Links `records` (a page's records, extracted from `body`) to their bytes when they are exactly the elements of
 * one of the body's top-level arrays, in order; otherwise links nothing.
 */
export function rememberRecordSources(body: unknown, records: readonly unknown[]): void {
  if (records.length === 0 || pageBytesOf(records) !== undefined) return;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
  // `records:` built a new array (JSONata sequences do): find the body's array with the same elements.
  for (const value of Object.values(body)) {
    if (!Array.isArray(value) || value.length !== records.length) continue;
    const page = pageBytesOf(value);
    if (page !== undefined && sameElements(value, records)) {
      link(records, PAGE_BYTES, page);
      return;
    }
  }
}

function sameElements(a: readonly unknown[], b: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The bytes of a page's records, when {@link rememberRecordSources} linked them. */
export function pageBytesOf(records: readonly unknown[]): PageBytes | undefined {
  return (records as Linked<typeof PAGE_BYTES, PageBytes>)[PAGE_BYTES];
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
    link(answer, ORIGINS, this);
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
  const origins = (result as Linked<typeof ORIGINS, RecordOrigins>)[ORIGINS];
  return origins && ((index, source) => origins.bytesOf(index, source));
}
