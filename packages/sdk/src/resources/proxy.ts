/**
 * @module The Proxy API (`/proxy/{resource}[/{id}]`): the integration's declared upstream resources 1-to-1, with
 * Switchboard's auth, pagination, rate limits and retries applied.
 */
import { type ListPage, toListPage } from '../list-page.js';
import { paginate } from '../paginate.js';
import { encodeSegment } from '../path.js';
import type { QueryParams } from '../query-string.js';
import type { Transport } from '../transport.js';

export interface ProxyRequestParams {
  integrated_account_id: string;
  /** A resource name declared in the integration file (OneLogin: `users`, `roles`, `events`, …). */
  resource: string;
  id?: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Forwarded to the upstream; `integrated_account_id` is Switchboard's own and always the one above. */
  query?: QueryParams;
  body?: unknown;
}

export interface ProxyListParams {
  integrated_account_id: string;
  resource: string;
  limit?: number;
  next_cursor?: string | null;
  query?: QueryParams;
}

export class ProxyApi {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Any proxy call. A list answers the list envelope with raw upstream items; a single call the upstream body. */
  async request<T = unknown>(params: ProxyRequestParams): Promise<T> {
    const { data } = await this.#transport.json<T>({
      method: params.method,
      path: proxyPath(params.resource, params.id),
      query: { ...params.query, integrated_account_id: params.integrated_account_id },
      body: params.body,
      credential: 'apiKey',
    });
    return data;
  }

  /** One page of a proxied list, with the rate-limit headers. */
  async list<T = unknown>(params: ProxyListParams): Promise<ListPage<T>> {
    const path = proxyPath(params.resource, undefined);
    const { data, headers } = await this.#transport.json<unknown>({
      method: 'GET',
      path,
      query: {
        ...params.query,
        integrated_account_id: params.integrated_account_id,
        limit: params.limit,
        next_cursor: params.next_cursor,
      },
      credential: 'apiKey',
    });
    return toListPage<T>(data, headers, `GET ${path}`);
  }

  /** Every raw upstream item of a proxied list, page after page. */
  iterate<T = unknown>(params: Omit<ProxyListParams, 'next_cursor'>): AsyncIterable<T> {
    return paginate((cursor) => this.list<T>({ ...params, next_cursor: cursor }));
  }
}

function proxyPath(resource: string, id: string | undefined): string {
  const base = `/proxy/${encodeSegment(resource)}`;
  return id === undefined ? base : `${base}/${encodeSegment(id)}`;
}
