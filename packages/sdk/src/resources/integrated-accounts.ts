/**
 * @module `/integrated-accounts`: one customer's linked upstream account (credentials stay server-side).
 */
import { type ListPage, toListPage } from '../list-page.js';
import { paginate } from '../paginate.js';
import { path } from '../path.js';
import type { Transport } from '../transport.js';

export type IntegratedAccountStatus = 'active' | 'needs_reauth';

export interface IntegratedAccount {
  id: string;
  integration: string;
  tenant_id: string;
  /** `needs_reauth` once the upstream rejects the stored credentials; fix with {@link IntegratedAccounts.update}. */
  status: IntegratedAccountStatus;
  /** Non-secret connection fields only. */
  connection: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export interface IntegratedAccountCreate {
  integration: string;
  /** Your own id for the customer this account belongs to. */
  tenant_id: string;
  /** The integration's `connection_fields`, secrets included; verified live before the account is created. */
  connection: Record<string, unknown>;
}

export interface IntegratedAccountUpdate {
  /** New credentials, verified live again. */
  connection: Record<string, unknown>;
}

export interface PageParams {
  limit?: number;
  /** Exactly as returned by the previous page; `null` or absent for the first page. */
  next_cursor?: string | null;
}

/** Which unified resources, methods and filters the account supports, as the API describes them. */
export type AccountCapabilities = Record<string, unknown>;

export class IntegratedAccounts {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  async create(body: IntegratedAccountCreate): Promise<IntegratedAccount> {
    const { data } = await this.#transport.json<IntegratedAccount>({
      method: 'POST',
      path: '/integrated-accounts',
      body,
      credential: 'apiKey',
    });
    return data;
  }

  async list(params: PageParams = {}): Promise<ListPage<IntegratedAccount>> {
    const { data, headers } = await this.#transport.json<unknown>({
      method: 'GET',
      path: '/integrated-accounts',
      query: { limit: params.limit, next_cursor: params.next_cursor },
      credential: 'apiKey',
    });
    return toListPage<IntegratedAccount>(data, headers, 'GET /integrated-accounts');
  }

  /** Every account of the environment, page after page. */
  iterate(params: Omit<PageParams, 'next_cursor'> = {}): AsyncIterable<IntegratedAccount> {
    return paginate((cursor) => this.list({ ...params, next_cursor: cursor }));
  }

  async get(id: string): Promise<IntegratedAccount> {
    const { data } = await this.#transport.json<IntegratedAccount>({
      method: 'GET',
      path: path`/integrated-accounts/${id}`,
      credential: 'apiKey',
    });
    return data;
  }

  /** Rotates the credentials. */
  async update(id: string, body: IntegratedAccountUpdate): Promise<IntegratedAccount> {
    const { data } = await this.#transport.json<IntegratedAccount>({
      method: 'PATCH',
      path: path`/integrated-accounts/${id}`,
      body,
      credential: 'apiKey',
    });
    return data;
  }

  /** Deletes the account and revokes the upstream token where the integration declares how. */
  async delete(id: string): Promise<void> {
    await this.#transport.json<undefined>({
      method: 'DELETE',
      path: path`/integrated-accounts/${id}`,
      credential: 'apiKey',
    });
  }

  async capabilities(id: string): Promise<AccountCapabilities> {
    const { data } = await this.#transport.json<AccountCapabilities>({
      method: 'GET',
      path: path`/integrated-accounts/${id}/capabilities`,
      credential: 'apiKey',
    });
    return data;
  }
}
