/**
 * @module `merge:` — one list from several upstream collections. Each source is read as its own stream (its own
 * pagination and mapping); the next record answered is the best head by `order_by` (`direction`), ties going to
 * the earlier source, or — without `order_by` — the first source until it ends, then the next. The cursor holds
 * every source's position, so each record is answered exactly once across pages, whatever the limit.
 *
 * The engine does not sort within a source (that would mean reading all of it): each source must already yield
 * its records in the declared order, which upstreams do when asked (`$orderby`, `sortOrder`).
 */
import type { MergedPosition, SourcePosition } from '../cursor/list-position.js';
import { evaluateAt } from '../mapping/evaluate-at.js';
import type { MappingSite } from '../mapping/mapping-failure.js';
import type { SourcePage } from './page-source.js';
import type { SourceOutput } from './source-outputs.js';

export interface MergeInput {
  /** One stream per source; undefined for a source the cursor says is exhausted. */
  sources: (AsyncGenerator<SourceOutput> | undefined)[];
  limit: number;
  /** The `order_by` site; absent: concatenation. */
  orderBy?: MappingSite | undefined;
  direction: 'asc' | 'desc';
  /** Bindings of `order_by` (`$query`, `$connection`, `$now`). */
  bindings: Record<string, unknown>;
}

export interface Merged {
  records: Record<string, unknown>[];
  next: MergedPosition | null;
  /** Per source, the last page read (whose rest the cursor may carry); undefined when none was. */
  pages: (SourcePage | undefined)[];
}

type SourceState =
  | { kind: 'head'; item: SourceOutput; key: unknown }
  | { kind: 'consumed'; after: SourcePosition | null; page: SourcePage }
  | { kind: 'done' };

export async function mergeSources(input: MergeInput): Promise<Merged> {
  const { sources, limit, orderBy, direction } = input;
  const keyOf = async (item: SourceOutput) =>
    orderBy ? evaluateAt(orderBy, item.record, input.bindings, item.record['id']) : undefined;
  const advance = async (index: number): Promise<SourceState> => {
    const source = sources[index];
    const result = source ? await source.next() : { done: true as const, value: undefined };
    if (result.done) return { kind: 'done' };
    return { kind: 'head', item: result.value, key: await keyOf(result.value) };
  };
  try {
    // Every source's first page is needed to pick the first record: fetch them together.
    const states = await Promise.all(sources.map((_, index) => advance(index)));
    const records: Record<string, unknown>[] = [];
    while (records.length < limit) {
      const index = pick(states, orderBy !== undefined, direction);
      if (index === undefined) break;
      const state = states[index] as Extract<SourceState, { kind: 'head' }>;
      records.push(state.item.record);
      // Full: remember where this source stands without reading further (no request just to find out).
      states[index] =
        records.length < limit
          ? await advance(index)
          : { kind: 'consumed', after: state.item.after, page: state.item.page };
    }
    const positions = states.map((state) =>
      state.kind === 'head' ? state.item.at : state.kind === 'consumed' ? state.after : null,
    );
    const pages = states.map((state) =>
      state.kind === 'head' ? state.item.page : state.kind === 'consumed' ? state.page : undefined,
    );
    return { records, next: positions.some((p) => p !== null) ? { m: positions } : null, pages };
  } finally {
    await Promise.allSettled(sources.map((source) => source?.return(undefined)));
  }
}

function pick(states: SourceState[], ordered: boolean, direction: 'asc' | 'desc'): number | undefined {
  let best: number | undefined;
  for (let i = 0; i < states.length; i++) {
    const state = states[i] as SourceState;
    if (state.kind !== 'head') continue;
    if (best === undefined) {
      best = i;
      if (!ordered) return best;
      continue;
    }
    const order = compareKeys(state.key, (states[best] as { key: unknown }).key);
    // Strictly better only: ties keep the earlier source.
    if (direction === 'asc' ? order < 0 : order > 0) best = i;
  }
  return best;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Numbers numerically; ISO instants by time (`…:00Z` and `…:00.123Z` do not sort as text); other values as
 * text. A missing key sorts before every present one.
 */
export function compareKeys(a: unknown, b: unknown): number {
  const absentA = a === undefined || a === null;
  const absentB = b === undefined || b === null;
  if (absentA || absentB) return absentA === absentB ? 0 : absentA ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string' && ISO_INSTANT.test(a) && ISO_INSTANT.test(b)) {
    const ta = Date.parse(a);
    const tb = Date.parse(b);
    if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
  }
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
