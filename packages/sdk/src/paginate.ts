/**
 * @module Walking a cursor-paginated list to its end.
 */
import { SDK_ERROR_CODES, SwitchboardSdkError } from './errors.js';
import type { ListPage } from './list-page.js';

/** Yields every record of every page, fetching the next page only when the previous one is used up. */
export async function* paginate<T>(
  fetchPage: (cursor: string | null) => Promise<ListPage<T>>,
): AsyncGenerator<T> {
  let cursor: string | null = null;
  do {
    const page: ListPage<T> = await fetchPage(cursor);
    yield* page.result;
    if (page.next_cursor !== null && page.next_cursor === cursor) {
      throw new SwitchboardSdkError(
        SDK_ERROR_CODES.cursorRepeated,
        'the API returned the same next_cursor twice; stopping instead of looping forever',
      );
    }
    cursor = page.next_cursor;
  } while (cursor !== null);
}
