/**
 * @module Reads pages until `limit` records are collected and says where the next call starts. The upstream
 * page size stays the same for a whole listing; the unified limit is met by stopping inside a page and remembering how much of it was
 * returned, so reading every cursor to the end returns each record exactly once, for any limit.
 */
import { type ListPosition, NO_SKIP, type PageSkip } from '../cursor/list-position.js';
import { pageBytesOf, RecordOrigins } from '../http/transport/raw-json.js';
import type { TraceSink } from '../trace.js';
import type { SourcePage } from './page-source.js';

/**
 * Pushes the output records made from one upstream record (mapped, flat-mapped, filtered) onto `out`. A
 * transform that needs no I/O and runs compiled code returns nothing rather than a promise per record.
 */
export type RecordTransform = (
  record: unknown,
  page: SourcePage,
  out: unknown[],
  /** The record's index in `page.records`. */
  index: number,
) => Promise<void> | void;

export interface CollectInput {
  pages: AsyncIterable<SourcePage>;
  limit: number;
  /** What was already returned from the first page (from the cursor). */
  skip?: PageSkip | undefined;
  /** Absent: upstream records are returned as they are (proxy lists). */
  transform?: RecordTransform | undefined;
  trace?: TraceSink | undefined;
}

export interface Collected<T> {
  records: T[];
  next: { position: ListPosition; skip: PageSkip } | null;
  /** The last page read: the one the answer stopped in, whose rest a cursor may carry (`carry.ts`). */
  last?: SourcePage | undefined;
}

export async function collectRecords<T>(input: CollectInput): Promise<Collected<T>> {
  const { limit, transform, trace } = input;
  const out: unknown[] = [];
  const scratch: unknown[] = [];
  let skip = input.skip ?? NO_SKIP;
  // Where each output came from, for answers that write upstream records back as their bytes.
  let origins: RecordOrigins | undefined;
  let last: SourcePage | undefined;
  const done = (next: Collected<T>['next']): Collected<T> => {
    origins?.attachTo(out);
    return { records: out as T[], next, last };
  };

  for await (const page of input.pages) {
    last = page;
    const bytes = pageBytesOf(page.records);
    if (bytes && origins === undefined) origins = new RecordOrigins();
    const [fromRecord, fromOutput] = skip;
    skip = NO_SKIP;
    const before = out.length;
    const note = (stop: string | undefined) =>
      trace?.add({
        kind: 'page',
        label: page.label,
        recordsIn: page.records.length,
        recordsOut: out.length - before,
        ...(stop ? { stop } : {}),
      });

    for (let r = fromRecord; r < page.records.length; r++) {
      const record = page.records[r];
      scratch.length = 0;
      if (transform) {
        const pending = transform(record, page, scratch, r);
        if (pending) await pending;
      } else scratch.push(record);
      for (let k = r === fromRecord ? fromOutput : 0; k < scratch.length; k++) {
        out.push(scratch[k]);
        if (bytes) origins?.note(out.length - 1, record, bytes, r);
        if (out.length < limit) continue;
        // Full: the next call starts right after this output.
        const next =
          k + 1 < scratch.length
            ? { position: page.position, skip: [r, k + 1] as const }
            : r + 1 < page.records.length
              ? { position: page.position, skip: [r + 1, 0] as const }
              : page.next
                ? { position: page.next, skip: NO_SKIP }
                : null;
        note(next ? 'limit' : page.stop);
        return done(next);
      }
    }
    note(page.stop);
  }
  return done(null);
}
