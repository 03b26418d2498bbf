/**
 * @module The debug trace of one operation: every upstream request (secrets masked) and what mapping did with
 * it. Returned by `response_format=debug` and printed by the CLI.
 */

export interface RequestTraceEntry {
  kind: 'request';
  /** What the request was for: `auth.token`, `users.list`, … */
  label: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  status?: number;
  responseHeaders?: Record<string, string>;
  durationMs: number;
  attempt: number;
  /** Why this attempt ended the way it did: `retry after 429`, `refreshed token after 401`, … */
  note?: string;
}

export interface PageTraceEntry {
  kind: 'page';
  label: string;
  recordsIn: number;
  recordsOut: number;
  /** Why paging stopped after this page, if it did: `empty_cursor`, `max_pages`, … */
  stop?: string;
}

export interface WaitTraceEntry {
  kind: 'wait';
  reason: 'rate_limit' | 'retry' | 'concurrency';
  ms: number;
}

export type TraceEntry = RequestTraceEntry | PageTraceEntry | WaitTraceEntry;

export interface TraceSink {
  add(entry: TraceEntry): void;
}

/** Collects entries in memory. */
export class Trace implements TraceSink {
  readonly entries: TraceEntry[] = [];
  add(entry: TraceEntry): void {
    this.entries.push(entry);
  }
}
