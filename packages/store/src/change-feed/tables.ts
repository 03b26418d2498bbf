/**
 * @module The change feed's tables as kysely sees them (see migrations/0003-change-feed.ts). JSON columns are
 * text; timestamps ISO-8601 UTC strings.
 */

export interface SyncSettingsTable {
  account_id: string;
  environment_id: string;
  /** JSON array of unified resource names. */
  resources: string;
  interval_ms: number;
  next_run_at: string;
  last_full_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SyncRunsTable {
  id: string;
  account_id: string;
  environment_id: string;
  mode: string;
  status: string;
  /** JSON `{ read, created, updated, deleted }`. */
  counts: string;
  error: string | null;
  started_at: string;
  finished_at: string | null;
  /** A running run whose lease passed belongs to a process that died: the next start takes over. */
  lease_until: string;
}

export interface RecordVersionsTable {
  account_id: string;
  resource: string;
  record_id: string;
  /** JSON of the unified record without `remote_data`. */
  data: string;
  /** The last run that read this record (a full run's unseen versions were deleted upstream). */
  seen_run_id: string;
  updated_at: string;
}

export interface EventsTable {
  id: string;
  environment_id: string;
  account_id: string;
  tenant_id: string;
  integration: string;
  type: string;
  resource: string;
  record_id: string;
  data: string;
  changed_fields: string | null;
  created_at: string;
}

export interface WebhooksTable {
  id: string;
  environment_id: string;
  url: string;
  /** JSON array of patterns: `user.*`, `role_assignment.created`. */
  events: string;
  description: string | null;
  /** The signing secret, AES-256-GCM sealed like credentials. */
  secret: string;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  environment_id: string;
  event_id: string;
  event_type: string;
  /** The exact body every attempt sends. */
  payload: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string;
  /** Set while a worker holds the delivery; another worker may take it once it passed. */
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChangeFeedTables {
  sync_settings: SyncSettingsTable;
  sync_runs: SyncRunsTable;
  record_versions: RecordVersionsTable;
  events: EventsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
