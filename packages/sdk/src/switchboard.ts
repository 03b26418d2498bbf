/**
 * @module The client: `new Switchboard({ apiKey })` and one property per area of the hosted API.
 */

import { SDK_ERROR_CODES, SwitchboardUsageError } from './errors.js';
import { Admin } from './resources/admin.js';
import { Events, Sync, Webhooks } from './resources/change-feed.js';
import { IntegratedAccounts } from './resources/integrated-accounts.js';
import { Integrations } from './resources/integrations.js';
import { LinkTokens } from './resources/link-tokens.js';
import { type PassthroughParams, passthrough } from './resources/passthrough.js';
import { ProxyApi } from './resources/proxy.js';
import { UserDirectory } from './resources/user-directory.js';
import { defaultSleep } from './retry-policy.js';
import { type FetchLike, Transport } from './transport.js';

export interface SwitchboardOptions {
  /** The environment's API key (`Authorization: Bearer …`); needed by every call but `health()` and `admin.*`. */
  apiKey?: string;
  /** Default `http://127.0.0.1:8080`. A path prefix (`https://example.com/switchboard`) is kept. */
  baseUrl?: string;
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Retries after the first attempt, for 429s and for network errors of idempotent methods. Default 3. */
  maxRetries?: number;
  /** A 429 whose `Retry-After` asks for longer than this is thrown at once instead of waited for. Default 60 s. */
  maxRetryDelayMs?: number;
  /** The operator's `SWITCHBOARD_ADMIN_TOKEN`, for `admin.*` only. */
  adminToken?: string;
  /** How to wait between retries; inject to test without waiting. Default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_BASE_URL = 'http://127.0.0.1:8080';

export class Switchboard {
  readonly integrations: Integrations;
  readonly integratedAccounts: IntegratedAccounts;
  readonly linkTokens: LinkTokens;
  readonly unified: { readonly userDirectory: UserDirectory };
  readonly proxy: ProxyApi;
  readonly admin: Admin;
  /** Sync settings and runs per integrated account. */
  readonly sync: Sync;
  /** The `/events` pull feed. */
  readonly events: Events;
  readonly webhooks: Webhooks;
  readonly #transport: Transport;

  constructor(options: SwitchboardOptions) {
    if (!options.apiKey && !options.adminToken) {
      throw new SwitchboardUsageError(
        SDK_ERROR_CODES.apiKeyMissing,
        'new Switchboard() needs an apiKey (or, for admin calls only, an adminToken)',
      );
    }
    this.#transport = new Transport({
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      // Looked up per call, not captured, so a fetch patched after construction (instrumentation) is used.
      fetch: options.fetch ?? ((url, init) => fetch(url, init)),
      apiKey: options.apiKey,
      adminToken: options.adminToken,
      retry: {
        maxRetries: options.maxRetries ?? 3,
        maxDelayMs: options.maxRetryDelayMs ?? 60_000,
        sleep: options.sleep ?? defaultSleep,
      },
    });
    this.integrations = new Integrations(this.#transport);
    this.integratedAccounts = new IntegratedAccounts(this.#transport);
    this.linkTokens = new LinkTokens(this.#transport);
    this.unified = { userDirectory: new UserDirectory(this.#transport) };
    this.proxy = new ProxyApi(this.#transport);
    this.admin = new Admin(this.#transport);
    this.sync = new Sync(this.#transport);
    this.events = new Events(this.#transport);
    this.webhooks = new Webhooks(this.#transport);
  }

  /** A raw upstream call through `/passthrough/{path}`; the `Response` comes back whatever its status. */
  async passthrough(params: PassthroughParams): Promise<Response> {
    return passthrough(this.#transport, params);
  }

  /** `{ status: 'ok' }` when the API and its store answer; a 503 throws {@link SwitchboardApiError}. */
  async health(): Promise<{ status: 'ok' }> {
    const { data } = await this.#transport.json<{ status: 'ok' }>({
      method: 'GET',
      path: '/health',
      credential: 'none',
    });
    return data;
  }
}
