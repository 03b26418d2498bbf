/**
 * @module `GET /integrations`: what can be connected and which fields a connection needs.
 */
import type { Transport } from '../transport.js';

export interface ConnectionField {
  name: string;
  label: string;
  type: string;
  /** Secret fields are write-only: never returned by the API. */
  secret: boolean;
  /** Fields with a default (e.g. a region or a token host) are optional; the default applies when left out. */
  required: boolean;
  /** The value used when the field is left out, when the integration declares one. */
  default?: string;
}

export interface Integration {
  name: string;
  label: string;
  category: string;
  /** Unified model → resources it serves, e.g. `{ 'user-directory': ['users', 'groups'] }`. */
  unified_models: Record<string, string[]>;
  connection_fields: ConnectionField[];
}

export class Integrations {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  async list(): Promise<{ result: Integration[] }> {
    const { data } = await this.#transport.json<{ result: Integration[] }>({
      method: 'GET',
      path: '/integrations',
      credential: 'apiKey',
    });
    return data;
  }
}
