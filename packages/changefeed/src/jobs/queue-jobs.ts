/**
 * @module The change feed on BullMQ (with `REDIS_URL`): every replica sweeps the store and enqueues due runs and
 * deliveries under deterministic job ids, so N replicas enqueue each piece of work once; every replica runs a
 * worker, and BullMQ hands each job to exactly one of them. The store's own guards (one running run per account,
 * delivery claims) stay the last line, so a job retried by BullMQ after a crash cannot double a run or a send.
 */
import type { SyncRun, SyncSettings } from '@switchboard/store';
import { type ConnectionOptions, type Job, Queue, Worker } from 'bullmq';
import type { ChangeFeedService } from './change-feed-service.js';
import type { ChangeFeedJobs } from './jobs.js';
import { Ticker } from './tick.js';

export interface QueueJobsOptions {
  /** A Redis URL; BullMQ opens its own connections. */
  redisUrl: string;
  /** Queue name prefix, so test runs and deployments sharing a Redis do not meet (default `switchboard`). */
  prefix?: string;
  tickMs?: number;
  concurrency?: number;
  onError?: (error: unknown) => void;
}

type SyncJob =
  | { kind: 'scheduled'; environmentId: string; accountId: string }
  | { kind: 'execute'; run: SyncRun };
type DeliveryJob = { id: string };

/** BullMQ job ids may not contain `:`. */
function jobId(...parts: (string | number)[]): string {
  return parts.map((part) => String(part).replaceAll(':', '_')).join('-');
}

export class QueueJobs implements ChangeFeedJobs {
  readonly kind = 'queue';
  readonly #service: ChangeFeedService;
  readonly #ticker: Ticker;
  readonly #syncQueue: Queue<SyncJob>;
  readonly #deliveryQueue: Queue<DeliveryJob>;
  readonly #workers: Worker[] = [];
  readonly #connection: ConnectionOptions;
  readonly #options: QueueJobsOptions;

  constructor(service: ChangeFeedService, options: QueueJobsOptions) {
    this.#service = service;
    this.#options = options;
    const url = new URL(options.redisUrl);
    this.#connection = {
      host: url.hostname,
      port: Number(url.port || 6379),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
      maxRetriesPerRequest: null,
    };
    const prefix = options.prefix ?? 'switchboard';
    this.#syncQueue = new Queue<SyncJob>('sync', { connection: this.#connection, prefix });
    this.#deliveryQueue = new Queue<DeliveryJob>('deliveries', { connection: this.#connection, prefix });
    // An unreachable Redis is reported, never thrown at the process (BullMQ reconnects by itself).
    for (const queue of [this.#syncQueue, this.#deliveryQueue])
      queue.on('error', (error) => options.onError?.(error));
    this.#ticker = new Ticker(
      service,
      {
        runDue: async (settings) => {
          await this.#enqueueScheduled(settings);
        },
        deliverDue: (ids) => this.deliverSoon(ids),
      },
      options.tickMs ?? 5_000,
      options.onError ?? (() => undefined),
    );
  }

  async start(): Promise<void> {
    const prefix = this.#options.prefix ?? 'switchboard';
    const concurrency = this.#options.concurrency ?? 2;
    const sync = new Worker<SyncJob>('sync', (job) => this.#runSyncJob(job), {
      connection: this.#connection,
      prefix,
      concurrency,
    });
    const deliveries = new Worker<DeliveryJob>(
      'deliveries',
      async (job) => {
        await this.#service.deliver(1, [job.data.id]);
      },
      { connection: this.#connection, prefix, concurrency: concurrency * 4 },
    );
    for (const worker of [sync, deliveries]) {
      worker.on('error', (error) => this.#options.onError?.(error));
      this.#workers.push(worker);
    }
    this.#ticker.start();
  }

  async execute(run: SyncRun): Promise<void> {
    await this.#syncQueue.add('execute', { kind: 'execute', run }, this.#jobOptions(jobId('run', run.id)));
  }

  async deliverSoon(ids: string[]): Promise<void> {
    await this.#deliveryQueue.addBulk(
      ids.map((id) => ({ name: 'deliver', data: { id }, opts: this.#jobOptions(jobId('dlv', id)) })),
    );
  }

  /** One sweep now. */
  tick(): Promise<void> {
    return this.#ticker.tick();
  }

  async close(): Promise<void> {
    await this.#ticker.stop();
    await Promise.all(this.#workers.map((worker) => worker.close()));
    await Promise.all([this.#syncQueue.close(), this.#deliveryQueue.close()]);
  }

  #enqueueScheduled(settings: SyncSettings): Promise<unknown> {
    // One job per account and due time, whichever replica's sweep sees it first.
    return this.#syncQueue.add(
      'scheduled',
      { kind: 'scheduled', environmentId: settings.environment_id, accountId: settings.account_id },
      this.#jobOptions(jobId('sched', settings.account_id, Date.parse(settings.next_run_at))),
    );
  }

  async #runSyncJob(job: Job<SyncJob>): Promise<void> {
    if (job.data.kind === 'execute') {
      await this.#service.execute(job.data.run);
      return;
    }
    const settings = await this.#service.feed.getSettings(job.data.environmentId, job.data.accountId);
    if (settings !== undefined && Date.parse(settings.next_run_at) <= this.#service.now().getTime()) {
      await this.#service.runScheduled(settings);
    }
  }

  #jobOptions(id: string) {
    // Removed when done, so the same id can be enqueued again for the next due time or attempt.
    return { jobId: id, removeOnComplete: true, removeOnFail: true, attempts: 1 };
  }
}
