/**
 * @module The change feed's public shapes: sync settings and runs per integrated account, the last version seen
 * of each synced record, events, webhooks and their deliveries. Every read and write is scoped to one
 * environment except the scheduler's and the delivery worker's, which serve every environment.
 */

export type SyncMode = 'full' | 'incremental';
export type RunStatus = 'running' | 'succeeded' | 'failed';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface RunCounts {
  read: number;
  created: number;
  updated: number;
  deleted: number;
}

export interface SyncSettings {
  account_id: string;
  environment_id: string;
  resources: string[];
  interval_ms: number;
  next_run_at: string;
  /** When the last full run succeeded (deletions are only detected by full runs). */
  last_full_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SyncRun {
  id: string;
  account_id: string;
  environment_id: string;
  mode: SyncMode;
  status: RunStatus;
  counts: RunCounts;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface ChangeEvent {
  id: string;
  type: string;
  created_at: string;
  integrated_account_id: string;
  tenant_id: string;
  integration: string;
  resource: string;
  record_id: string;
  data: Record<string, unknown>;
  changed_fields: string[] | null;
}

export type NewEvent = Omit<ChangeEvent, 'id' | 'created_at'>;

/** What one page of a run changes, written in one transaction with the events and deliveries it causes. */
export interface ChangeBatch {
  environmentId: string;
  accountId: string;
  resource: string;
  runId: string;
  /** Records read now (new, changed or unchanged): stored as the version seen by `runId`. */
  seen: { recordId: string; data: Record<string, unknown> }[];
  /** Versions of records that no longer exist upstream. */
  removed: string[];
  events: NewEvent[];
}

export interface Webhook {
  id: string;
  environment_id: string;
  url: string;
  events: string[];
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewWebhook {
  url: string;
  events: string[];
  description?: string | null;
}

export interface WebhookDelivery {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  status: DeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A delivery a worker holds: what to send, where, and the secret to sign it with. */
export interface ClaimedDelivery extends WebhookDelivery {
  environment_id: string;
  payload: string;
  url: string;
  secret: string;
}

export interface AttemptOutcome {
  status: DeliveryStatus;
  lastStatusCode: number | null;
  lastError: string | null;
  /** For `pending`: when to try again. */
  nextAttemptAt: string | null;
}

export interface ListPageOptions {
  limit: number;
  /** The last id of the previous page. */
  after?: string;
}

export interface ChangeFeedRepository {
  putSettings(
    environmentId: string,
    accountId: string,
    settings: { resources: string[]; intervalMs: number },
    now: Date,
  ): Promise<SyncSettings>;
  getSettings(environmentId: string, accountId: string): Promise<SyncSettings | undefined>;
  deleteSettings(environmentId: string, accountId: string): Promise<boolean>;
  /** Settings whose next run is due, from every environment (the scheduler's view). */
  dueSettings(now: Date, limit: number): Promise<SyncSettings[]>;
  /** Moves the next run of an account on; `fullAt` records a successful full run. */
  reschedule(accountId: string, nextRunAt: Date, fullAt?: Date): Promise<void>;

  /**
   * Starts a run unless one is running (then answers it, `started: false`). A running run whose lease passed
   * belongs to a dead process: it is marked failed and a new one starts.
   */
  startRun(
    environmentId: string,
    accountId: string,
    mode: SyncMode,
    now: Date,
    leaseMs: number,
  ): Promise<{ run: SyncRun; started: boolean }>;
  renewRun(runId: string, leaseUntil: Date): Promise<void>;
  finishRun(
    runId: string,
    outcome: { status: 'succeeded' | 'failed'; counts: RunCounts; error?: string },
    now: Date,
  ): Promise<void>;
  getRun(environmentId: string, runId: string): Promise<SyncRun | undefined>;
  lastRun(environmentId: string, accountId: string): Promise<SyncRun | undefined>;
  lastSucceededRun(accountId: string): Promise<SyncRun | undefined>;

  /** The stored versions of these records (by record id). */
  versions(
    accountId: string,
    resource: string,
    recordIds: string[],
  ): Promise<Map<string, Record<string, unknown>>>;
  /** Stored versions a run did not see (for a full run: records deleted upstream). */
  unseenVersions(
    accountId: string,
    resource: string,
    runId: string,
  ): Promise<Map<string, Record<string, unknown>>>;
  /** Versions, events and the deliveries they cause (webhooks of the environment whose patterns match), atomically. */
  commit(batch: ChangeBatch, now: Date): Promise<ChangeEvent[]>;

  listEvents(
    environmentId: string,
    filter: ListPageOptions & { accountId?: string; types?: string[] },
  ): Promise<ChangeEvent[]>;
  /** Drops events older than `before`; answers how many. */
  pruneEvents(before: Date): Promise<number>;

  createWebhook(environmentId: string, input: NewWebhook, now: Date): Promise<Webhook & { secret: string }>;
  getWebhook(environmentId: string, id: string): Promise<Webhook | undefined>;
  listWebhooks(environmentId: string, page: ListPageOptions): Promise<Webhook[]>;
  updateWebhook(
    environmentId: string,
    id: string,
    patch: Partial<NewWebhook>,
    now: Date,
  ): Promise<Webhook | undefined>;
  deleteWebhook(environmentId: string, id: string): Promise<boolean>;
  /** A delivery of `payload` to one webhook only (`webhook.test`): not an event of the feed. */
  enqueueDelivery(
    environmentId: string,
    webhookId: string,
    event: { id: string; type: string; payload: string },
    now: Date,
  ): Promise<WebhookDelivery | undefined>;
  listDeliveries(environmentId: string, webhookId: string, page: ListPageOptions): Promise<WebhookDelivery[]>;
  /** Takes up to `limit` due deliveries for `leaseMs`; a delivery is held by one worker at a time. */
  claimDeliveries(now: Date, leaseMs: number, limit: number, ids?: string[]): Promise<ClaimedDelivery[]>;
  recordAttempt(id: string, outcome: AttemptOutcome, now: Date): Promise<void>;
  /** Ids of pending deliveries due by `now` (the queue's view, without claiming). */
  dueDeliveryIds(now: Date, limit: number): Promise<string[]>;
}
