/**
 * @module The change feed: sync settings and runs per integrated account, the `/events` pull feed, and webhooks
 * with their deliveries. Verify what a webhook receives with {@link verifyWebhook}.
 */
import { type ListPage, toListPage } from '../list-page.js';
import { paginate } from '../paginate.js';
import { path } from '../path.js';
import type { HttpMethod, Transport } from '../transport.js';
import type { PageParams } from './integrated-accounts.js';

export type SyncResource = 'users' | 'groups' | 'role_assignments';
export type SyncMode = 'full' | 'incremental';
export type EventType =
  | 'user.created'
  | 'user.updated'
  | 'user.deleted'
  | 'group.created'
  | 'group.updated'
  | 'group.deleted'
  | 'role_assignment.created'
  | 'role_assignment.deleted';

export interface SyncRun {
  id: string;
  mode: SyncMode;
  status: 'running' | 'succeeded' | 'failed';
  started_at: string;
  finished_at: string | null;
  counts: { read: number; created: number; updated: number; deleted: number };
  error: string | null;
}

export interface SyncSettings {
  integrated_account_id: string;
  resources: SyncResource[];
  /** e.g. `15m`; from `5m` to `24h`. */
  interval: string;
  next_run_at: string;
  last_run: SyncRun | null;
  created_at: string;
  updated_at: string;
}

export interface ChangeEvent {
  /** Also the `webhook-id` of every delivery of this event: dedupe on it. */
  id: string;
  type: EventType;
  created_at: string;
  integrated_account_id: string;
  tenant_id: string;
  integration: string;
  resource: SyncResource;
  record_id: string;
  /** The unified record; for a deletion, the last version seen. */
  data: Record<string, unknown>;
  /** Updates only: the unified fields that changed. */
  changed_fields: string[] | null;
}

export interface EventListParams extends PageParams {
  integrated_account_id?: string;
  /** One type or several, comma-separated. */
  type?: EventType | string;
}

export interface Webhook {
  id: string;
  url: string;
  /** Patterns: `user.*`, `role_assignment.created`, `*`. */
  events: string[];
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookCreate {
  url: string;
  events: string[];
  description?: string | null;
}

export interface WebhookDelivery {
  id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One authenticated JSON call, answering the body. */
async function call<T>(transport: Transport, method: HttpMethod, route: string, body?: unknown): Promise<T> {
  const { data } = await transport.json<T>({
    method,
    path: route,
    credential: 'apiKey',
    ...(body === undefined ? {} : { body }),
  });
  return data;
}

export class Sync {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Turns syncing on (the first call starts the silent baseline run) or changes it. */
  async update(
    accountId: string,
    body: { resources: SyncResource[]; interval: string },
  ): Promise<SyncSettings> {
    return this.#call<SyncSettings>('PUT', path`/integrated-accounts/${accountId}/sync`, body);
  }

  async get(accountId: string): Promise<SyncSettings> {
    return this.#call<SyncSettings>('GET', path`/integrated-accounts/${accountId}/sync`);
  }

  /** Stops syncing; past events stay. */
  async disable(accountId: string): Promise<void> {
    await this.#call<undefined>('DELETE', path`/integrated-accounts/${accountId}/sync`);
  }

  /** Starts a run now, or answers the one running. */
  async run(
    accountId: string,
    mode: SyncMode = 'incremental',
  ): Promise<{ id: string; status: string; mode: SyncMode }> {
    return this.#call('POST', path`/integrated-accounts/${accountId}/sync/runs`, { mode });
  }

  #call<T>(method: HttpMethod, route: string, body?: unknown): Promise<T> {
    return call<T>(this.#transport, method, route, body);
  }
}

export class Events {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** A page of the environment's events, oldest first. */
  async list(params: EventListParams = {}): Promise<ListPage<ChangeEvent>> {
    const { data, headers } = await this.#transport.json<unknown>({
      method: 'GET',
      path: '/events',
      query: {
        integrated_account_id: params.integrated_account_id,
        type: params.type,
        limit: params.limit,
        next_cursor: params.next_cursor,
      },
      credential: 'apiKey',
    });
    return toListPage<ChangeEvent>(data, headers, 'GET /events');
  }

  /** Every event from the start (or from `next_cursor`), page after page. */
  iterate(params: Omit<EventListParams, 'next_cursor'> = {}): AsyncIterable<ChangeEvent> {
    return paginate((cursor) => this.list({ ...params, next_cursor: cursor }));
  }
}

export class Webhooks {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Creates a webhook; `secret` (`whsec_…`) is returned only here: keep it to verify deliveries. */
  async create(body: WebhookCreate): Promise<Webhook & { secret: string }> {
    return this.#call('POST', '/webhooks', body);
  }

  async list(params: PageParams = {}): Promise<ListPage<Webhook>> {
    const { data, headers } = await this.#transport.json<unknown>({
      method: 'GET',
      path: '/webhooks',
      query: { limit: params.limit, next_cursor: params.next_cursor },
      credential: 'apiKey',
    });
    return toListPage<Webhook>(data, headers, 'GET /webhooks');
  }

  async get(id: string): Promise<Webhook> {
    return this.#call('GET', path`/webhooks/${id}`);
  }

  async update(id: string, body: Partial<WebhookCreate>): Promise<Webhook> {
    return this.#call('PATCH', path`/webhooks/${id}`, body);
  }

  async delete(id: string): Promise<void> {
    await this.#call<undefined>('DELETE', path`/webhooks/${id}`);
  }

  async deliveries(id: string, params: PageParams = {}): Promise<ListPage<WebhookDelivery>> {
    const { data, headers } = await this.#transport.json<unknown>({
      method: 'GET',
      path: path`/webhooks/${id}/deliveries`,
      query: { limit: params.limit, next_cursor: params.next_cursor },
      credential: 'apiKey',
    });
    return toListPage<WebhookDelivery>(data, headers, 'GET /webhooks/:id/deliveries');
  }

  /** Sends a `webhook.test` event to this webhook only. */
  async test(id: string): Promise<WebhookDelivery> {
    return this.#call('POST', path`/webhooks/${id}/test`);
  }

  #call<T>(method: HttpMethod, route: string, body?: unknown): Promise<T> {
    return call<T>(this.#transport, method, route, body);
  }
}
