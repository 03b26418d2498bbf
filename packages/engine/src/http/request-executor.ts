/**
 * @module The attempt loop every upstream call goes through: the rate budget and concurrency cap before
 * sending, one token refresh after a 401, retries with backoff on the declared statuses and on network
 * failures, `max_wait` as the ceiling on all waiting, and a trace entry for each attempt and wait.
 */
import type { HttpMethod } from '@switchboard/schema';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { RateLimited, UpstreamNetwork, UpstreamTimeout } from '../errors.js';
import type { Redactor } from '../redaction/redactor.js';
import type { EngineLogger } from '../run/contract.js';
import type { TraceSink, WaitTraceEntry } from '../trace.js';
import type { AppliedCredential } from './auth/strategy.js';
import type { RateLimitPlan } from './rate-limit/rate-limit-plan.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import { backoffMs } from './retry/backoff.js';
import type { RetryPolicy } from './retry/retry-policy.js';
import { waitFromHeaders } from './retry/wait-from-headers.js';
import { headerDelayMs } from './time/header-delay.js';
import { exchange, type RawResponse, type Timeouts } from './transport/exchange.js';
import { NetworkFailure, toNetworkFailure } from './transport/network-failure.js';
import type { PoolRegistry } from './transport/pool-registry.js';
import { abandonBody, type BodyStream } from './transport/read-body.js';

/** What the runtime shares with every call. */
export interface ExecutorDeps {
  pools: PoolRegistry;
  limiter: RateLimiter;
  clock: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  logger?: EngineLogger;
}

/** Where a call runs: integration settings, account, and what to report to. */
export interface CallScope {
  integration: CompiledIntegration;
  accountId: string;
  accountKey: string;
  timeouts: Timeouts;
  retry: RetryPolicy;
  rateLimit: RateLimitPlan;
  redactor: Redactor;
  trace?: TraceSink;
  signal?: AbortSignal;
}

export interface Attempt {
  url: URL;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  credential?: AppliedCredential;
}

export interface CallPlan<T> {
  label: string;
  method: HttpMethod;
  /** The URL's path, for budget policy matching. */
  pathname: string;
  idempotent: boolean;
  /** Counts against the rate budget and the concurrency cap (resource calls do, token requests do not). */
  limited: boolean;
  /** Builds each attempt afresh: after a refresh, the credentials differ. */
  build(): Promise<Attempt>;
  /** Reads the answer that is returned (buffered, or passed through). Network failures while reading are retried. */
  read(response: RawResponse): Promise<T>;
  /** Obtains a new credential after a 401; absent when the call must not do that. */
  refresh?: (rejected: AppliedCredential) => Promise<void>;
}

export interface CallResult<T> {
  status: number;
  headers: Record<string, string>;
  value: T;
  url: URL;
  durationMs: number;
  /** Set when the upstream still answered 429 after the retries it was allowed: when to try again (epoch ms). */
  retryAt?: number;
}

async function discard(body: BodyStream): Promise<void> {
  const dumpable = body as BodyStream & { dump?: (options?: { limit: number }) => Promise<void> };
  try {
    // Draining a short body keeps the keep-alive connection; a long one is cut.
    if (dumpable.dump) await dumpable.dump({ limit: 65_536 });
    else abandonBody(body);
  } catch {
    abandonBody(body);
  }
}

/** How one attempt ended; waits and token refreshes happen after its concurrency slot is released. */
type AttemptOutcome<T> =
  | { kind: 'done'; result: CallResult<T> }
  | { kind: 'retry'; ms: number }
  | { kind: 'refresh'; rejected: AppliedCredential };

export class RequestExecutor {
  constructor(readonly deps: ExecutorDeps) {}

  /**
   * Runs the call within `timeouts.total`, counted from the first attempt (waiting for the rate budget before it
   * is bounded by `max_wait` and answered with a 429 instead): waits that would end past the deadline are not
   * started (checked on the injected clock), and an exchange still stalled at the deadline is aborted (a real
   * timer: a stalled socket is a wall-clock matter). The caller gets `SB_ERR_HTTP_TIMEOUT` (504), or the last
   * upstream answer, in time.
   */
  async run<T>(scope: CallScope, plan: CallPlan<T>): Promise<CallResult<T>> {
    const totalMs = scope.timeouts.totalMs;
    const expiry = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const startDeadline = () => {
      timer = setTimeout(() => expiry.abort(), totalMs);
      timer.unref?.();
      return this.deps.clock() + totalMs;
    };
    // The caller's abort is passed on by hand: `AbortSignal.any` costs several times more per call (weak
    // references the garbage collector then has to clear).
    const caller = scope.signal;
    const passOn = () => expiry.abort(caller?.reason);
    if (caller?.aborted) passOn();
    else caller?.addEventListener('abort', passOn, { once: true });
    try {
      return await this.#attempts({ ...scope, signal: expiry.signal }, plan, startDeadline);
    } catch (error) {
      if (!expiry.signal.aborted || caller?.aborted) throw error;
      throw new UpstreamTimeout(plan.label, {
        cause: error,
        details: { deadline_ms: totalMs, integration: scope.integration.name, label: plan.label },
      });
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', passOn);
    }
  }

  async #attempts<T>(
    scope: CallScope,
    plan: CallPlan<T>,
    startDeadline: () => number,
  ): Promise<CallResult<T>> {
    const { clock, sleep } = this.deps;
    const { retry } = scope;
    let attempt = 0;
    let retries = 0;
    let waitedMs = 0;
    let refreshed = false;

    const wait = async (reason: WaitTraceEntry['reason'], ms: number) => {
      scope.trace?.add({ kind: 'wait', reason, ms });
      await sleep(ms, scope.signal);
      waitedMs += ms;
    };
    /** The wait before the next retry, or undefined when retrying is over (attempts, `max_wait`, deadline). */
    const nextRetryWait = (hintMs: number | undefined) => {
      if (retries + 1 >= retry.maxAttempts) return undefined;
      const ms = hintMs ?? backoffMs(retry.backoff, retries + 1);
      if (clock() + ms > deadline) return undefined;
      return waitedMs + ms <= retry.maxWaitMs ? ms : undefined;
    };

    let deadline = Number.POSITIVE_INFINITY;
    for (;;) {
      if (plan.limited) await this.#awaitBudget(scope, plan, () => waitedMs, wait, deadline);
      if (attempt === 0) deadline = startDeadline();
      attempt++;
      const outcome = await this.#attempt(
        scope,
        plan,
        { attempt, retries, mayRefresh: !refreshed },
        nextRetryWait,
      );
      if (outcome.kind === 'done') return outcome.result;
      if (outcome.kind === 'retry') {
        await wait('retry', outcome.ms);
        retries++;
      } else {
        refreshed = true;
        await plan.refresh?.(outcome.rejected);
      }
    }
  }

  /** One attempt, holding a concurrency slot (when the call is limited) that every exit gives back. */
  async #attempt<T>(
    scope: CallScope,
    plan: CallPlan<T>,
    { attempt, retries, mayRefresh }: { attempt: number; retries: number; mayRefresh: boolean },
    nextRetryWait: (hintMs: number | undefined) => number | undefined,
  ): Promise<AttemptOutcome<T>> {
    const { clock, limiter, pools } = this.deps;
    const slotRequested = clock();
    const release = plan.limited
      ? await limiter.acquireSlot(scope.accountKey, scope.rateLimit, scope.signal)
      : () => {};
    try {
      const queuedMs = clock() - slotRequested;
      if (queuedMs > 0) scope.trace?.add({ kind: 'wait', reason: 'concurrency', ms: queuedMs });

      let request: Attempt | undefined;
      let response: RawResponse;
      const started = clock();
      try {
        request = await plan.build();
        response = await exchange(
          pools,
          {
            method: plan.method,
            url: request.url,
            headers: request.headers,
            ...(request.body === undefined ? {} : { body: request.body }),
            ...(scope.signal ? { signal: scope.signal } : {}),
          },
          scope.timeouts,
        );
      } catch (error) {
        if (!(error instanceof NetworkFailure) || !request) throw error;
        const ms = this.#afterFailure(
          scope,
          plan,
          request,
          undefined,
          error,
          nextRetryWait(undefined),
          attempt,
          started,
        );
        return { kind: 'retry', ms };
      }

      if (plan.limited)
        await limiter.observe(
          scope.accountKey,
          scope.rateLimit,
          plan.method,
          plan.pathname,
          response.headers,
        );
      const status = response.status;

      if (status === 401 && plan.refresh && mayRefresh) {
        await discard(response.body);
        this.#record(scope, plan, request, response, clock() - started, attempt, 'refreshed token after 401');
        return { kind: 'refresh', rejected: request.credential ?? {} };
      }

      let retryAt: number | undefined;
      const retry = scope.retry;
      if (retry.retriesStatus(status) && (plan.idempotent || status === 429)) {
        const hint = this.#waitHint(scope, response, status);
        const ms = nextRetryWait(hint);
        if (ms !== undefined) {
          await discard(response.body);
          this.#record(scope, plan, request, response, clock() - started, attempt, `retry after ${status}`);
          return { kind: 'retry', ms };
        }
        if (status === 429)
          retryAt = clock() + (hint ?? backoffMs({ ...retry.backoff, jitter: 'none' }, retries + 1));
      }

      let value: T;
      try {
        value = await plan.read(response);
      } catch (error) {
        const readFailure = toNetworkFailure(error);
        if (!readFailure) {
          this.#record(scope, plan, request, response, clock() - started, attempt);
          throw error;
        }
        const ms = this.#afterFailure(
          scope,
          plan,
          request,
          response,
          readFailure,
          nextRetryWait(undefined),
          attempt,
          started,
        );
        return { kind: 'retry', ms };
      }
      const durationMs = clock() - started;
      this.#record(
        scope,
        plan,
        request,
        response,
        durationMs,
        attempt,
        retryAt === undefined ? undefined : 'gave up waiting for the rate limit',
      );
      return {
        kind: 'done',
        result: {
          status,
          headers: response.headers,
          value,
          url: request.url,
          durationMs,
          ...(retryAt === undefined ? {} : { retryAt }),
        },
      };
    } finally {
      release();
    }
  }

  /** Waits for the rate budget within `max_wait`, or throws `RateLimited` saying when to come back. */
  async #awaitBudget<T>(
    scope: CallScope,
    plan: CallPlan<T>,
    waited: () => number,
    wait: (reason: WaitTraceEntry['reason'], ms: number) => Promise<void>,
    deadline: number,
  ): Promise<void> {
    for (;;) {
      const ms = await this.deps.limiter.take(scope.accountKey, scope.rateLimit, plan.method, plan.pathname);
      if (ms <= 0) return;
      if (waited() + ms > scope.retry.maxWaitMs || this.deps.clock() + ms > deadline) {
        const retryAt = new Date(this.deps.clock() + ms).toISOString();
        throw new RateLimited(retryAt, {
          details: {
            retry_at: retryAt,
            source: 'budget',
            integration: scope.integration.name,
            label: plan.label,
          },
        });
      }
      await wait('rate_limit', ms);
    }
  }

  /** Records a network failure; returns the wait before retrying it, or throws the error that ends the call. */
  #afterFailure<T>(
    scope: CallScope,
    plan: CallPlan<T>,
    request: Attempt,
    response: RawResponse | undefined,
    failure: NetworkFailure,
    retryWaitMs: number | undefined,
    attempt: number,
    started: number,
  ): number {
    const durationMs = this.deps.clock() - started;
    const retriable = scope.retry.onNetworkError && (plan.idempotent || !failure.maybeSent);
    if (retriable && retryWaitMs !== undefined) {
      this.#record(
        scope,
        plan,
        request,
        response,
        durationMs,
        attempt,
        `retry after network error (${failure.code})`,
      );
      return retryWaitMs;
    }
    this.#record(scope, plan, request, response, durationMs, attempt, `network error (${failure.code})`);
    const Failure = failure.timeout ? UpstreamTimeout : UpstreamNetwork;
    throw new Failure(plan.label, {
      cause: failure.cause,
      details: { code: failure.code, attempts: attempt, integration: scope.integration.name },
    });
  }

  /** How long the upstream asked to wait: the declared `wait_from` headers, else its rate-limit reset on a 429. */
  #waitHint(scope: CallScope, response: RawResponse, status: number): number | undefined {
    const now = this.deps.clock();
    const hinted = waitFromHeaders(response.headers, scope.retry.waitFrom, now);
    if (hinted !== undefined || status !== 429 || !scope.rateLimit.headers) return hinted;
    const reset = response.headers[scope.rateLimit.headers.reset];
    return reset === undefined ? undefined : headerDelayMs(reset, scope.rateLimit.headers.resetFormat, now);
  }

  #record<T>(
    scope: CallScope,
    plan: CallPlan<T>,
    request: Attempt,
    response: RawResponse | undefined,
    durationMs: number,
    attempt: number,
    note?: string,
  ): void {
    const logger = this.deps.logger?.isLevelEnabled?.('debug') === false ? undefined : this.deps.logger;
    if (!scope.trace && !logger) return;
    const url = scope.redactor.url(request.url);
    scope.trace?.add({
      kind: 'request',
      label: plan.label,
      method: plan.method,
      url,
      requestHeaders: scope.redactor.headers(request.headers),
      ...(response
        ? { status: response.status, responseHeaders: scope.redactor.headers(response.headers) }
        : {}),
      durationMs,
      attempt,
      ...(note === undefined ? {} : { note }),
    });
    logger?.debug(
      {
        integration: scope.integration.name,
        account: scope.accountId,
        label: plan.label,
        method: plan.method,
        url,
        ...(response ? { status: response.status } : {}),
        durationMs,
        attempt,
        ...(note === undefined ? {} : { note }),
      },
      'upstream request',
    );
  }
}
