/**
 * @module @switchboard/changefeed — sync runs that turn directory changes into events, and webhook deliveries
 * per the Standard Webhooks specification, run in one process or as BullMQ jobs shared by replicas.
 */
export { isLoopbackAddress, isPrivateAddress } from './delivery/address-policy.js';
export { type DeliveryWorkerDeps, deliverDue } from './delivery/delivery-worker.js';
export { MAX_ATTEMPTS, retryDelay } from './delivery/retry-schedule.js';
export { DELIVERY_TIMEOUT_MS, sendWebhook, webhookDispatcher } from './delivery/send-webhook.js';
export { type SignedHeaders, signDelivery } from './delivery/signature.js';
export { type Resolve, type UrlPolicy, webhookUrlProblem } from './delivery/webhook-url.js';
export {
  type AccountSource,
  ChangeFeedService,
  type ChangeFeedServiceOptions,
  EVENT_RETENTION_MS,
  FULL_RUN_EVERY_MS,
} from './jobs/change-feed-service.js';
export type { ChangeFeedJobs } from './jobs/jobs.js';
export { LocalJobs, type LocalJobsOptions } from './jobs/local-jobs.js';
// QueueJobs (BullMQ) is `@switchboard/changefeed/queue-jobs`: BullMQ is a large share of a process's start-up, and
// only deployments with Redis need it.
export { isSyncable, SYNCABLE_RESOURCES, type SyncableResource } from './sync/event-kinds.js';
export { changedFields } from './sync/record-diff.js';
export type { RecordSource, SourcePage } from './sync/record-source.js';
export { executeRun, type SyncAccount, type SyncRunDeps } from './sync/sync-run.js';
