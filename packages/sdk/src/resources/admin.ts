/**
 * @module Operator endpoints (`/admin/*`), authorised by `SWITCHBOARD_ADMIN_TOKEN` instead of an API key.
 */
import { path } from '../path.js';
import type { Transport } from '../transport.js';

export interface Environment {
  id: string;
  name: string;
  created_at: string;
}

export interface CreatedApiKey {
  id: string;
  /** Shown only here, once: store it now. */
  api_key: string;
}

export class Admin {
  readonly environments: { create(body: { name: string }): Promise<Environment> };
  readonly apiKeys: {
    create(environmentId: string): Promise<CreatedApiKey>;
    delete(id: string): Promise<void>;
  };

  constructor(transport: Transport) {
    this.environments = {
      async create(body) {
        const { data } = await transport.json<Environment>({
          method: 'POST',
          path: '/admin/environments',
          body,
          credential: 'adminToken',
        });
        return data;
      },
    };
    this.apiKeys = {
      async create(environmentId) {
        const { data } = await transport.json<CreatedApiKey>({
          method: 'POST',
          path: path`/admin/environments/${environmentId}/api-keys`,
          credential: 'adminToken',
        });
        return data;
      },
      async delete(id) {
        await transport.json<undefined>({
          method: 'DELETE',
          path: path`/admin/api-keys/${id}`,
          credential: 'adminToken',
        });
      },
    };
  }
}
