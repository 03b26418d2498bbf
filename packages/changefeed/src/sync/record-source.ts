/**
 * @module Where a sync run reads unified records: one account's Unified API, page by page. The API implements it
 * over the engine (the account's rate budget, retries and redaction included); tests over a simulator.
 */

export interface SourcePage {
  records: Record<string, unknown>[];
  /** What the upstream said about its budget after this page, when it says. */
  rateLimit?: { limit?: number; remaining?: number; reset?: number };
}

export interface RecordSource {
  /** Unified filters the integration can apply to a resource's list (e.g. `updated_at[gte]`). */
  filters(resource: string): readonly string[];
  /** Every record of `resource` matching `filters`, one unified page at a time. */
  pages(resource: string, filters: Record<string, string>, signal?: AbortSignal): AsyncIterable<SourcePage>;
}
