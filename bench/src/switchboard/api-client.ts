/** @module The few Switchboard API calls the bench makes, with undici, as an SDK user would. */
import { SIMULATOR_DEFAULTS } from '@switchboard/sim-onelogin';
import type { Dispatcher } from 'undici';
import { BenchHttpFailed } from '../errors.js';
import type { ReadResult } from '../upstream/raw-user-reader.js';

export interface ApiTarget {
  url: string;
  apiKey: string;
  dispatcher: Dispatcher;
}

async function call<T>(
  api: ApiTarget,
  method: 'GET' | 'POST',
  path: string,
  expected: number,
  body?: unknown,
): Promise<T> {
  const response = await api.dispatcher.request({
    origin: api.url,
    method,
    path,
    headers: {
      authorization: `Bearer ${api.apiKey}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.body.text();
  if (response.statusCode !== expected) {
    // The API's error bodies never carry secrets; they are what makes a failed stage explainable.
    throw new BenchHttpFailed(
      `API answered ${response.statusCode} to ${method} ${path.split('?')[0]}: ${text.slice(0, 500)}`,
    );
  }
  return JSON.parse(text) as T;
}

/** Links the simulator's default credentials as a OneLogin account (the API verifies them live). */
export async function linkOneLoginAccount(api: ApiTarget): Promise<string> {
  const account = await call<{ id: string }>(api, 'POST', '/integrated-accounts', 201, {
    integration: 'onelogin',
    tenant_id: 'bench',
    connection: {
      subdomain: 'bench',
      client_id: SIMULATOR_DEFAULTS.clientId,
      client_secret: SIMULATOR_DEFAULTS.clientSecret,
    },
  });
  return account.id;
}

export async function listIntegrationNames(api: ApiTarget): Promise<string[]> {
  const answer = await call<{ result: { name: string }[] }>(api, 'GET', '/integrations', 200);
  return answer.result.map((integration) => integration.name);
}

interface ListEnvelope {
  result: unknown[];
  next_cursor: string | null;
}

/**
 * Every user through `GET /unified/user-directory/users`, page by page until `next_cursor` is null (or `maxPages`
 * pages); `remoteData` false asks for the unified fields only.
 */
export function readUsersUnified(
  api: ApiTarget,
  accountId: string,
  limit: number,
  maxPages = Number.POSITIVE_INFINITY,
  remoteData = true,
): Promise<ReadResult> {
  const path = '/unified/user-directory/users';
  return readListing(api, accountId, remoteData ? path : `${path}?remote_data=false`, limit, { maxPages });
}

/**
 * Every record of a list through the API (`path` may carry its own query), page by page until `next_cursor` is
 * null (or `maxPages` pages); the items are kept only when asked for.
 */
export async function readListing(
  api: ApiTarget,
  accountId: string,
  path: string,
  limit: number,
  { keep = false, maxPages = Number.POSITIVE_INFINITY }: { keep?: boolean; maxPages?: number } = {},
): Promise<ReadResult & { items: unknown[] }> {
  const [route, own] = path.split('?') as [string, string | undefined];
  const items: unknown[] = [];
  let records = 0;
  let pages = 0;
  let cursor: string | null = null;
  while (pages < maxPages) {
    const query = new URLSearchParams(own);
    query.set('integrated_account_id', accountId);
    query.set('limit', String(limit));
    if (cursor !== null) query.set('next_cursor', cursor);
    const page: ListEnvelope = await call<ListEnvelope>(api, 'GET', `${route}?${query}`, 200);
    pages += 1;
    records += page.result.length;
    if (keep) items.push(...page.result);
    cursor = page.next_cursor;
    if (cursor === null) break;
  }
  return { records, pages, items };
}
