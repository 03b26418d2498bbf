/**
 * @module One unified resource (`/unified/{model}/{resource}`): list, iterate, get, create, update, delete.
 * Each model file exposes only the methods the contract offers for each resource.
 */
import { type ListPage, toListPage } from '../list-page.js';
import { paginate } from '../paginate.js';
import { encodeSegment } from '../path.js';
import type { QueryParams, QueryValue } from '../query-string.js';
import type { Transport } from '../transport.js';

/** Every unified call names the integrated account it reads from or writes to. */
export interface AccountScope {
  integrated_account_id: string;
}

/** Filters sent as top-level query keys, e.g. `{ 'updated_at[gte]': new Date(…) }`. */
export type Filters = Readonly<Record<string, QueryValue>>;

export interface UnifiedListParams<F extends object> extends AccountScope {
  /** Page size, 1 to the integration's maximum; the integration's default when absent. */
  limit?: number;
  /** Exactly as returned by the previous page; `null` or absent for the first page. */
  next_cursor?: string | null;
  /** The filters this resource supports; one the integration cannot apply answers 400, never an unfiltered list. */
  filters?: F;
  /** Forwarded to the upstream untouched, as `remote_query[NAME]=VALUE`. */
  remote_query?: Readonly<Record<string, string | number | boolean>>;
  /** `false` leaves out each record's `remote_data`. */
  remote_data?: boolean;
}

export type UnifiedIterateParams<F extends object> = Omit<UnifiedListParams<F>, 'next_cursor'>;

export class UnifiedResource<T, F extends object, C = never, U = never> {
  readonly #transport: Transport;
  readonly #path: string;

  constructor(transport: Transport, model: string, resource: string) {
    this.#transport = transport;
    this.#path = `/unified/${encodeSegment(model)}/${encodeSegment(resource)}`;
  }

  /** One page; pass `page.next_cursor` back for the next one. */
  async list(params: UnifiedListParams<F>): Promise<ListPage<T>> {
    const { data, headers } = await this.#transport.json<unknown>({
      method: 'GET',
      path: this.#path,
      query: listQuery(params),
      credential: 'apiKey',
    });
    return toListPage<T>(data, headers, `GET ${this.#path}`);
  }

  /** Every record, following `next_cursor` until it is `null`; pages are fetched as the loop consumes them. */
  iterate(params: UnifiedIterateParams<F>): AsyncIterable<T> {
    return paginate((cursor) => this.list({ ...params, next_cursor: cursor }));
  }

  async get(id: string, scope: AccountScope): Promise<T> {
    return this.#call<T>('GET', id, scope);
  }

  async create(body: C, scope: AccountScope): Promise<T> {
    return this.#call<T>('POST', null, scope, body);
  }

  async update(id: string, body: U, scope: AccountScope): Promise<T> {
    return this.#call<T>('PATCH', id, scope, body);
  }

  async delete(id: string, scope: AccountScope): Promise<{ id: string }> {
    return this.#call<{ id: string }>('DELETE', id, scope);
  }

  async #call<R>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    id: string | null,
    scope: AccountScope,
    body?: unknown,
  ) {
    const { data } = await this.#transport.json<R>({
      method,
      path: id === null ? this.#path : `${this.#path}/${encodeSegment(id)}`,
      query: { integrated_account_id: scope.integrated_account_id },
      body,
      credential: 'apiKey',
    });
    return data;
  }
}

function listQuery<F extends object>(params: UnifiedListParams<F>): QueryParams {
  const remoteQuery: Record<string, QueryValue> = {};
  for (const [name, value] of Object.entries(params.remote_query ?? {}))
    remoteQuery[`remote_query[${name}]`] = value;
  return {
    // Filters first so that, whatever an untyped caller passes, the account and paging keys below win.
    ...(params.filters as Filters | undefined),
    ...remoteQuery,
    integrated_account_id: params.integrated_account_id,
    limit: params.limit,
    next_cursor: params.next_cursor,
    remote_data: params.remote_data,
  };
}
