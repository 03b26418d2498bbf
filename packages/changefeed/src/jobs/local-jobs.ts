/**
 * @module The change feed in one process (no `REDIS_URL`): a sweep every few seconds runs due syncs and sends
 * due deliveries here. Several processes on one database still never run a run twice (one running run per
 * account) nor send a delivery twice at once (claims), but they do not share the work evenly.
 */
import type { SyncRun } from '@switchboard/store';
import type { ChangeFeedService } from './change-feed-service.js';
import type { ChangeFeedJobs } from './jobs.js';
import { Ticker } from './tick.js';

export interface LocalJobsOptions {
  /** Sweep period (default 5 s). */
  tickMs?: number;
  onError?: (error: unknown) => void;
}

export class LocalJobs implements ChangeFeedJobs {
  readonly kind = 'local';
  readonly #service: ChangeFeedService;
  readonly #ticker: Ticker;
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(service: ChangeFeedService, options: LocalJobsOptions = {}) {
    this.#service = service;
    const onError = options.onError ?? (() => undefined);
    this.#ticker = new Ticker(
      service,
      {
        runDue: async (settings) => {
          this.#track(service.runScheduled(settings));
        },
        deliverDue: async (ids) => {
          this.#track(service.deliver(ids.length, ids));
        },
      },
      options.tickMs ?? 5_000,
      onError,
    );
  }

  async start(): Promise<void> {
    this.#ticker.start();
  }

  async execute(run: SyncRun): Promise<void> {
    this.#track(this.#service.execute(run));
  }

  async deliverSoon(ids: string[]): Promise<void> {
    this.#track(this.#service.deliver(ids.length, ids));
  }

  /** One sweep, then waits for everything it started (tests drive time with this). */
  async tick(): Promise<void> {
    await this.#ticker.tick();
    await this.idle();
  }

  /** Resolves once every run and delivery in flight has finished. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  async close(): Promise<void> {
    await this.#ticker.stop();
    await this.idle();
  }

  #track(work: Promise<unknown>): void {
    const tracked = work.catch(() => undefined).finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
  }
}
