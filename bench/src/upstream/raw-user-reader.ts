/**
 * @module The unified-list baseline: every user read straight from the simulator with undici — a token, then
 * `GET /api/2/users?limit=N` following the `After-Cursor` header — each page parsed, as any client would.
 */
import type { Dispatcher } from 'undici';
import { BenchHttpFailed } from '../errors.js';
import { fetchSimulatorToken } from './simulator-token.js';

export interface ReadResult {
  records: number;
  pages: number;
}

export async function readUsersRaw(
  baseUrl: string,
  limit: number,
  dispatcher: Dispatcher,
  maxPages = Number.POSITIVE_INFINITY,
): Promise<ReadResult> {
  const token = await fetchSimulatorToken(baseUrl, dispatcher);
  let records = 0;
  let pages = 0;
  let cursor: string | undefined;
  while (pages < maxPages) {
    const query =
      cursor === undefined ? `limit=${limit}` : `limit=${limit}&cursor=${encodeURIComponent(cursor)}`;
    const response = await dispatcher.request({
      origin: baseUrl,
      method: 'GET',
      path: `/api/2/users?${query}`,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new BenchHttpFailed(
        `simulator answered ${response.statusCode} to GET /api/2/users (page ${pages + 1})`,
      );
    }
    const page = (await response.body.json()) as unknown[];
    pages += 1;
    records += page.length;
    const next = response.headers['after-cursor'];
    if (typeof next !== 'string' || next === '' || page.length === 0) break;
    cursor = next;
  }
  return { records, pages };
}
