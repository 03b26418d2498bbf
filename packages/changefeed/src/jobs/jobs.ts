/**
 * @module Who runs the change feed's work. Both strategies poll the store for due runs and deliveries on a tick;
 * they differ in who executes: this process (`local`), or whichever replica's BullMQ worker takes the job
 * (`queue`, with `REDIS_URL`), each job done once.
 */
import type { SyncRun } from '@switchboard/store';

export interface ChangeFeedJobs {
  readonly kind: 'local' | 'queue';
  start(): Promise<void>;
  /** Executes a run started by the API (`POST …/sync/runs`, a first `PUT …/sync`). */
  execute(run: SyncRun): Promise<void>;
  /** Sends these deliveries as soon as possible (a test delivery). */
  deliverSoon(ids: string[]): Promise<void>;
  /** Finishes what is in hand and stops. */
  close(): Promise<void>;
}
