/**
 * @module One list source as a stream of output records, each with the position that reads it again (`at`) and
 * the position right after it (`after`). A merged list keeps one such stream per source and can stop between
 * any two outputs of any source, with a cursor that resumes every source exactly where it stood.
 */
import { NO_SKIP, type PageSkip, type SourcePosition } from '../cursor/list-position.js';
import type { PagePosition } from '../http/pagination/strategy.js';
import type { TraceSink } from '../trace.js';
import type { RecordTransform } from './collect-records.js';
import type { SourcePage } from './page-source.js';

export interface SourceOutput {
  record: Record<string, unknown>;
  /** Resuming here yields this output first. */
  at: SourcePosition;
  /** Resuming here yields the output after this one; null when this was the source's last. */
  after: SourcePosition | null;
  /** The page it came from (a cursor may carry the rest of it). */
  page: SourcePage;
}

export async function* sourceOutputs(
  pages: AsyncIterable<SourcePage>,
  skip: PageSkip,
  transform: RecordTransform,
  trace: TraceSink | undefined,
): AsyncGenerator<SourceOutput> {
  let [fromRecord, fromOutput] = skip;
  for await (const page of pages) {
    let produced = 0;
    const { records } = page;
    // Merge sources are flat lists (no fan-out), so their positions are page positions.
    const here = page.position as PagePosition;
    const next = page.next as PagePosition | null;
    for (let r = fromRecord; r < records.length; r++) {
      const outputs: unknown[] = [];
      await transform(records[r], page, outputs, r);
      produced += outputs.length;
      for (let k = r === fromRecord ? fromOutput : 0; k < outputs.length; k++) {
        const after: SourcePosition | null =
          k + 1 < outputs.length
            ? { p: here, s: [r, k + 1] }
            : r + 1 < records.length
              ? { p: here, s: [r + 1, 0] }
              : next
                ? { p: next, s: NO_SKIP }
                : null;
        yield { record: outputs[k] as Record<string, unknown>, at: { p: here, s: [r, k] }, after, page };
      }
    }
    trace?.add({
      kind: 'page',
      label: page.label,
      recordsIn: records.length,
      recordsOut: produced,
      ...(page.stop ? { stop: page.stop } : {}),
    });
    fromRecord = 0;
    fromOutput = 0;
  }
}
