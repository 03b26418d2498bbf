/**
 * @module The change feed's work, independent of who schedules it: start and execute sync runs, pick the next
 * run's mode, send due deliveries and prune old events. `local-jobs.ts` drives it in one process; `queue-jobs.ts`
 * through BullMQ on Redis, shared by every replica.
 */
import type { Store, SyncMode, SyncRun, SyncSettings } from '@switchboard/store';
import type { Dispatcher } from 'undici';
import { deliverDue } from '../delivery/delivery-worker.js';
import type { RecordSource } from '../sync/record-source.js';
import { DEFAULT_LEASE_MS, executeRun, type SyncAccount } from '../sync/sync-run.js';

/** A full run at least this often: only full runs see deletions where incremental runs filter by `updated_at`. */
export const FULL_RUN_EVERY_MS = 24 * 3_600_000;
/** Events are kept this long. */
export const EVENT_RETENTION_MS = 30 * 24 * 3_600_000;

export interface AccountSource {
  account: SyncAccount;
  source: RecordSource;
}

export interface ChangeFeedServiceOptions {
  store: Store;
  /** The account's identity and a record source over its Unified API; `undefined` when it no longer exists. */
  sourceFor(accountId: string, environmentId: string): Promise<AccountSource | undefined>;
  dispatcher: Dispatcher;
  allowPrivateNetworks: boolean;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  log?: { warn(object: Record<string, unknown>, message: string): void };
}

export class ChangeFeedService {
  readonly #options: ChangeFeedServiceOptions;
  readonly now: () => Date;

  constructor(options: ChangeFeedServiceOptions) {
    this.#options = options;
    this.now = options.now ?? (() => new Date());
  }

  get feed() {
    return this.#options.store.changeFeed;
  }

  /** Starts a run record now (or answers the running one); the caller executes it with {@link execute}. */
  async start(
    environmentId: string,
    accountId: string,
    mode: SyncMode,
  ): Promise<{ run: SyncRun; started: boolean }> {
    return this.feed.startRun(environmentId, accountId, mode, this.now(), DEFAULT_LEASE_MS);
  }

  /** Executes a started run over the account's current sync settings, then schedules the next one. */
  async execute(run: SyncRun): Promise<SyncRun> {
    const settings = await this.feed.getSettings(run.environment_id, run.account_id);
    const found = await this.#options.sourceFor(run.account_id, run.environment_id);
    if (settings === undefined || found === undefined) {
      const error = found === undefined ? 'the integrated account no longer exists' : 'sync is turned off';
      await this.feed.finishRun(run.id, { status: 'failed', counts: run.counts, error }, this.now());
      return { ...run, status: 'failed', error };
    }
    const finished = await executeRun(
      {
        feed: this.feed,
        source: found.source,
        now: this.now,
        sleep: this.#options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      },
      found.account,
      run,
      settings.resources,
    );
    const next = new Date(this.now().getTime() + settings.interval_ms);
    const fullAt =
      finished.status === 'succeeded' && run.mode === 'full' ? new Date(run.started_at) : undefined;
    await this.feed.reschedule(run.account_id, next, fullAt);
    if (finished.status === 'failed') {
      this.#options.log?.warn(
        { integrated_account_id: run.account_id, run_id: run.id, error: finished.error },
        'sync run failed',
      );
    }
    return finished;
  }

  /** The mode of a scheduled run: incremental, full when the last full run is a day old (or never happened). */
  scheduledMode(settings: SyncSettings): SyncMode {
    if (settings.last_full_at === null) return 'full';
    return this.now().getTime() - Date.parse(settings.last_full_at) >= FULL_RUN_EVERY_MS
      ? 'full'
      : 'incremental';
  }

  dueSettings(limit = 50): Promise<SyncSettings[]> {
    return this.feed.dueSettings(this.now(), limit);
  }

  /** Starts and executes the scheduled run of `settings` (a no-op while another run of the account is going). */
  async runScheduled(settings: SyncSettings): Promise<SyncRun | undefined> {
    const { run, started } = await this.start(
      settings.environment_id,
      settings.account_id,
      this.scheduledMode(settings),
    );
    return started ? this.execute(run) : undefined;
  }

  deliver(limit = 20, ids?: string[]): Promise<number> {
    return deliverDue(
      {
        feed: this.feed,
        dispatcher: this.#options.dispatcher,
        allowPrivateNetworks: this.#options.allowPrivateNetworks,
        now: this.now,
      },
      limit,
      ids,
    );
  }

  dueDeliveryIds(limit = 100): Promise<string[]> {
    return this.feed.dueDeliveryIds(this.now(), limit);
  }

  prune(): Promise<number> {
    return this.feed.pruneEvents(new Date(this.now().getTime() - EVENT_RETENTION_MS));
  }
}
