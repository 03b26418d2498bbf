/**
 * @module The periodic sweep both strategies share: hand due scheduled runs and due deliveries to `dispatch`,
 * prune old events once an hour. Overlapping sweeps are skipped, not queued.
 */
import type { SyncSettings } from '@switchboard/store';
import type { ChangeFeedService } from './change-feed-service.js';

export interface TickTargets {
  runDue(settings: SyncSettings): Promise<void>;
  deliverDue(ids: string[]): Promise<void>;
}

const PRUNE_EVERY_MS = 3_600_000;

export class Ticker {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #lastPrune = 0;

  constructor(
    private readonly service: ChangeFeedService,
    private readonly targets: TickTargets,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.#timer ??= setInterval(() => void this.tick(), this.intervalMs);
    this.#timer.unref();
  }

  /** One sweep now (tests call it instead of waiting for the timer). */
  tick(): Promise<void> {
    this.#running ??= this.#sweep().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async stop(): Promise<void> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  async #sweep(): Promise<void> {
    try {
      for (const settings of await this.service.dueSettings()) await this.targets.runDue(settings);
      const due = await this.service.dueDeliveryIds();
      if (due.length > 0) await this.targets.deliverDue(due);
      const now = this.service.now().getTime();
      if (now - this.#lastPrune >= PRUNE_EVERY_MS) {
        this.#lastPrune = now;
        await this.service.prune();
      }
    } catch (error) {
      this.onError(error);
    }
  }
}
