/**
 * @module `POST /link-tokens`: a single-use token for the hosted connect page your end customer fills in.
 */
import type { Transport } from '../transport.js';

export interface LinkTokenCreate {
  integration: string;
  tenant_id: string;
  /** Where the connect page sends the browser afterwards, with `?integrated_account_id=…`. */
  redirect_url?: string;
}

export interface LinkToken {
  link_token: string;
  /** The hosted connect page (`/connect/:link_token`). */
  url: string;
  expires_at: string;
}

export class LinkTokens {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  async create(body: LinkTokenCreate): Promise<LinkToken> {
    const { data } = await this.#transport.json<LinkToken>({
      method: 'POST',
      path: '/link-tokens',
      body,
      credential: 'apiKey',
    });
    return data;
  }
}
