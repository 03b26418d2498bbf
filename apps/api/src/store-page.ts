/**
 * @module The list envelope of the API's own store-backed lists (accounts, events, webhooks, deliveries): read one row more than asked to know whether a next page
 * exists, and sign the last id into the cursor (list-cursor.ts).
 */
import { type CursorFilters, decodeListCursor, encodeListCursor } from './list-cursor.js';

export interface StorePageInput<T extends { id: string }> {
  key: Uint8Array;
  list: string;
  environmentId: string;
  limit: number;
  cursor: string | undefined;
  filters: CursorFilters;
  read(page: { limit: number; after?: string }): Promise<T[]>;
}

export async function storePage<T extends { id: string }>(input: StorePageInput<T>) {
  const after =
    input.cursor === undefined
      ? undefined
      : decodeListCursor(input.key, input.list, input.environmentId, input.cursor, input.filters);
  const rows = await input.read({ limit: input.limit + 1, ...(after === undefined ? {} : { after }) });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    result: page,
    next_cursor:
      rows.length > input.limit && last !== undefined
        ? encodeListCursor(input.key, input.list, input.environmentId, last.id, input.filters)
        : null,
    prev_cursor: null,
    result_count: page.length,
  };
}
