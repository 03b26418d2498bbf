/**
 * @module `AccountSession`: upstream calls for one account of one integration. Builds each request (base URL,
 * declared headers, credentials), runs it through the executor, and turns the answer into what `run/` gets:
 * a parsed body, or a coded error whose details are redacted.
 */
import type { AuxiliaryRequest, HttpMethod } from '@switchboard/schema';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { NeedsReauth, RateLimited, UpstreamStatus } from '../errors.js';
import { Redactor } from '../redaction/redactor.js';
import { declaredReason } from './auth/declared-reason.js';
import type { AuthContext, AuxiliaryAnswer, AuxiliaryCall } from './auth/strategy.js';
import type { TokenCache } from './auth/token-cache.js';
import type { IntegrationPlan } from './integration-plan.js';
import { accountKeyOf } from './rate-limit/rate-limiter.js';
import { renderDeclared, renderDeclaredMap } from './render-declared.js';
import type { CallResult, CallScope, RequestExecutor } from './request-executor.js';
import type { TokenSet } from './token-store.js';
import type { RawResponse } from './transport/exchange.js';
import { withoutHopByHop } from './transport/headers.js';
import { parseBody } from './transport/parse-body.js';
import { readBody } from './transport/read-body.js';
import type {
  AccountContext,
  AccountSession,
  RateLimitInfo,
  SendOptions,
  StreamedResponse,
  UpstreamRequest,
  UpstreamResponse,
} from './upstream.js';
import { publicConnection } from './url/base-url.js';
import { appendQuery, resolveUnderBase } from './url/resolve-url.js';
import { UpstreamOrigins, type UpstreamOverrideSetting } from './url/upstream-origins.js';

const USER_AGENT = 'switchboard-engine';
/** Never forwarded from a passthrough caller: they are about the caller's connection or the caller's identity. */
const PASSTHROUGH_REQUEST_DROP = ['host', 'content-length', 'authorization', 'cookie', 'proxy-authorization'];

/** What every session of a runtime shares. */
export interface SessionShared {
  executor: RequestExecutor;
  tokens: TokenCache;
  clock: () => number;
  maxResponseBytes: number;
  upstreamOverrides: Readonly<Record<string, UpstreamOverrideSetting>> | undefined;
}

function lowerCaseKeys(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const output: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) output[name.toLowerCase()] = value;
  return output;
}

const isSuccess = (status: number) => status >= 200 && status <= 299;

export class UpstreamSession implements AccountSession {
  readonly redactor: Redactor;
  readonly accountKey: string;
  #origins: UpstreamOrigins | undefined;
  #headers: Readonly<Record<string, string>> | undefined;

  constructor(
    readonly shared: SessionShared,
    readonly integration: CompiledIntegration,
    readonly account: AccountContext,
    readonly plan: IntegrationPlan,
  ) {
    this.accountKey = accountKeyOf(integration.name, account.id);
    this.redactor = new Redactor({
      names: plan.auth.credentialNames,
      secrets: [...integration.secretFields].map((field) => account.connection[field]),
    });
  }

  /** The integration's declared origins for this account, and where the operator sends them. */
  get origins(): UpstreamOrigins {
    this.#origins ??= new UpstreamOrigins(
      this.integration,
      publicConnection(this.integration, this.account),
      this.shared.upstreamOverrides?.[this.integration.name],
    );
    return this.#origins;
  }

  get base(): URL {
    return this.origins.base;
  }

  /** See `SessionCache`: a session is rebuilt once its redactor holds many secrets. */
  get secretForms(): number {
    return this.redactor.secretForms;
  }

  async send(request: UpstreamRequest, options: SendOptions = {}): Promise<UpstreamResponse> {
    const url = resolveUnderBase(this.base, this.origins.inbound(request.path));
    appendQuery(url, request.query);
    const label = request.label ?? `${request.method} ${url.pathname}`;
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: 'application/json',
      'accept-encoding': 'gzip, deflate, br',
      ...this.#declaredHeaders(),
      ...lowerCaseKeys(request.headers),
    };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] ??= 'application/json';
    }
    const result = await this.#run(options, {
      label,
      method: request.method,
      url,
      headers,
      body,
      idempotent: request.idempotent ?? request.method !== 'POST',
      withAuth: true,
      read: (raw) => this.#readBuffered(raw, label, options.recordsAsBytes),
    });
    if (isSuccess(result.status))
      return {
        status: result.status,
        headers: result.headers,
        body: result.value,
        url: this.redactor.url(result.url),
        durationMs: result.durationMs,
        linkOrigins: this.origins.linkOrigins(),
      };
    throw await this.#statusError(result, label);
  }

  async stream(
    request: UpstreamRequest & { rawBody?: Uint8Array | string },
    options: SendOptions = {},
  ): Promise<StreamedResponse> {
    const url = resolveUnderBase(this.base, this.origins.inbound(request.path));
    appendQuery(url, request.query);
    const label = request.label ?? `${request.method} ${url.pathname}`;
    const dropped = new Set([...PASSTHROUGH_REQUEST_DROP, ...this.plan.auth.credentialNames]);
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      ...this.#declaredHeaders(),
      ...withoutHopByHop(lowerCaseKeys(request.headers), dropped),
    };
    let body: string | Uint8Array | undefined = request.rawBody;
    if (body === undefined && request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] ??= 'application/json';
    }
    const result = await this.#run(options, {
      label,
      method: request.method,
      url,
      headers,
      body,
      idempotent: request.idempotent ?? request.method !== 'POST',
      withAuth: true,
      read: async (raw) => raw.body,
    });
    // Cookies and auth challenges answer Switchboard's credentials, not the caller's: they never go back.
    const credentialHeaders = new Set([
      'authorization',
      'www-authenticate',
      'set-cookie',
      ...this.plan.auth.credentialNames,
    ]);
    return {
      status: result.status,
      headers: withoutHopByHop(result.headers, credentialHeaders),
      body: result.value,
    };
  }

  rateLimit(): RateLimitInfo | undefined {
    return this.shared.executor.deps.limiter.latest(this.accountKey);
  }

  redact(text: string): string {
    return this.redactor.text(text);
  }

  addSecret(value: string): void {
    this.redactor.addSecret(value);
  }

  /** The context auth strategies work in; `trace`/`signal` apply to token requests they make. */
  authContext(options: SendOptions = {}): AuthContext {
    return {
      integration: this.integration,
      account: this.account,
      accountKey: this.accountKey,
      base: this.base,
      origins: this.origins,
      redactor: this.redactor,
      tokens: this.shared.tokens,
      clock: this.shared.clock,
      call: (request) => this.#call(request, options),
    };
  }

  /** Runs a request the integration declares (`auth.verify`, `auth.revoke`), answered whatever its status. */
  async sendDeclared(
    declared: AuxiliaryRequest,
    label: string,
    options: { withAuth: boolean; token?: TokenSet },
  ): Promise<AuxiliaryAnswer> {
    const scope = { connection: this.account.connection, ...(options.token ? { token: options.token } : {}) };
    const relative = declared.path.startsWith('/');
    const path = renderDeclared(
      declared.path,
      scope,
      `${label}.path`,
      relative ? { encode: encodeURIComponent } : {},
    );
    const { url } = this.origins.authUrl(path);
    appendQuery(url, renderDeclaredMap(declared.query, scope, `${label}.query`));
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: 'application/json',
      'accept-encoding': 'gzip, deflate, br',
      ...this.#declaredHeaders(),
      ...lowerCaseKeys(renderDeclaredMap(declared.headers, scope, `${label}.headers`)),
    };
    let body: string | undefined;
    if (declared.body) {
      const fields = renderDeclaredMap(declared.body, scope, `${label}.body`);
      const form = declared.body_format === 'form';
      headers['content-type'] ??= form ? 'application/x-www-form-urlencoded' : 'application/json';
      body = form ? new URLSearchParams(fields).toString() : JSON.stringify(fields);
    }
    const result = await this.#run(
      {},
      {
        label,
        method: declared.method,
        url,
        headers,
        body,
        idempotent: declared.method !== 'POST',
        withAuth: options.withAuth,
        // Verify runs right after obtaining a fresh token: a 401 then means the credentials are refused.
        refreshOn401: false,
        read: (raw) => this.#readBuffered(raw, label),
      },
    );
    return this.#answer(result);
  }

  /** Turns a non-2xx result into the error `run/` sees. */
  async #statusError(result: CallResult<unknown>, label: string): Promise<Error> {
    const remote = {
      status: result.status,
      headers: this.redactor.headers(result.headers),
      body: this.redactor.value(result.value),
    };
    if (result.retryAt !== undefined) {
      const retryAt = new Date(result.retryAt).toISOString();
      return new RateLimited(retryAt, { details: { retry_at: retryAt, label, remote } });
    }
    // A 401 that survives the token refresh (or, for static credentials, the first one) means the stored
    // credentials no longer work, whatever the auth type: the account must be linked again.
    if (result.status === 401 && this.integration.definition.auth.type !== 'none') {
      const reason = await declaredReason(
        this.integration,
        '/auth/verify/reason',
        { status: result.status, headers: result.headers, body: result.value },
        this.redactor,
      );
      return new NeedsReauth(reason, { details: { reason, label, remote } });
    }
    return new UpstreamStatus(result.status, label, { details: { label, remote } });
  }

  #answer(result: CallResult<unknown>): AuxiliaryAnswer {
    return {
      status: result.status,
      headers: result.headers,
      body: result.value,
      ...(result.retryAt === undefined ? {} : { retryAt: result.retryAt }),
    };
  }

  /** Rendered once: they depend on the connection only, which a session never changes. */
  #declaredHeaders(): Readonly<Record<string, string>> {
    this.#headers ??= lowerCaseKeys(
      renderDeclaredMap(
        this.integration.definition.headers,
        { connection: this.account.connection },
        'headers',
      ),
    );
    return this.#headers;
  }

  async #readBuffered(raw: RawResponse, label: string, recordsAsBytes?: string | null): Promise<unknown> {
    const buffer = await readBody(raw.body, {
      maxBytes: this.shared.maxResponseBytes,
      contentLength: raw.headers['content-length'],
      contentEncoding: raw.headers['content-encoding'],
      label,
      status: raw.status,
    });
    try {
      const recordsKey = isSuccess(raw.status) ? recordsAsBytes : undefined;
      return parseBody(buffer, raw.headers['content-type'], { label, status: raw.status }, recordsKey);
    } catch (error) {
      // An error page that claims to be JSON but is not still deserves its status, not a parse error.
      if (!isSuccess(raw.status)) return buffer.toString('utf8');
      throw error;
    }
  }

  async #call(request: AuxiliaryCall, options: SendOptions): Promise<AuxiliaryAnswer> {
    const result = await this.#run(options, {
      label: request.label,
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.body,
      idempotent: request.idempotent,
      withAuth: false,
      read: (raw) => this.#readBuffered(raw, request.label),
    });
    return this.#answer(result);
  }

  #run<T>(
    options: SendOptions,
    call: {
      label: string;
      method: HttpMethod;
      url: URL;
      headers: Record<string, string>;
      body: string | Uint8Array | undefined;
      idempotent: boolean;
      withAuth: boolean;
      /** Refresh the token once after a 401 (default: when authenticated). */
      refreshOn401?: boolean;
      read: (raw: RawResponse) => Promise<T>;
    },
  ): Promise<CallResult<T>> {
    const scope: CallScope = {
      integration: this.integration,
      accountId: this.account.id,
      accountKey: this.accountKey,
      timeouts: this.plan.timeouts,
      retry: this.plan.retry,
      rateLimit: this.plan.rateLimit,
      redactor: this.redactor,
      ...(options.trace ? { trace: options.trace } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    };
    const auth = this.plan.auth;
    const context = call.withAuth ? this.authContext(options) : undefined;
    return this.shared.executor.run(scope, {
      label: call.label,
      method: call.method,
      pathname: call.url.pathname,
      idempotent: call.idempotent,
      limited: call.withAuth,
      build: async () => {
        const attempt = {
          url: new URL(call.url),
          headers: { ...call.headers },
          ...(call.body === undefined ? {} : { body: call.body }),
        };
        if (!context) return attempt;
        const credential = await auth.apply(attempt, context);
        return { ...attempt, credential };
      },
      read: call.read,
      ...(context && auth.refresh && call.refreshOn401 !== false
        ? { refresh: (rejected) => auth.refresh!(context, rejected) }
        : {}),
    });
  }
}
