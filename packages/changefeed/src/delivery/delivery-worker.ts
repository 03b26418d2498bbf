/**
 * @module Sends due deliveries: claim (one worker per delivery, across replicas), sign, POST, record the outcome.
 * A 2xx is `delivered`; anything else schedules a retry with the same `webhook-id` until the schedule runs out,
 * then `failed`. A worker that dies mid-attempt leaves a lease that expires, so the delivery is tried again:
 * delivery is at least once.
 */
import type { ChangeFeedRepository, ClaimedDelivery } from '@switchboard/store';
import type { Dispatcher } from 'undici';
import { retryDelay } from './retry-schedule.js';
import { sendWebhook } from './send-webhook.js';
import { signDelivery } from './signature.js';

export interface DeliveryWorkerDeps {
  feed: ChangeFeedRepository;
  dispatcher: Dispatcher;
  allowPrivateNetworks: boolean;
  now: () => Date;
  /** How long a claimed delivery stays with its worker (longer than one attempt's 15 s). */
  leaseMs?: number;
  timeoutMs?: number;
}

/**
 * Sends up to `limit` due deliveries (only `ids` when given); answers how many were attempted.
 *
 * @example
 * await deliverDue({ feed: store.changeFeed, dispatcher, allowPrivateNetworks: false, now: () => new Date() });
 */
export async function deliverDue(deps: DeliveryWorkerDeps, limit = 20, ids?: string[]): Promise<number> {
  const claimed = await deps.feed.claimDeliveries(deps.now(), deps.leaseMs ?? 60_000, limit, ids);
  await Promise.all(claimed.map((delivery) => attempt(deps, delivery)));
  return claimed.length;
}

async function attempt(deps: DeliveryWorkerDeps, delivery: ClaimedDelivery): Promise<void> {
  const headers = signDelivery(delivery.secret, delivery.event_id, deps.now(), delivery.payload);
  const result = await sendWebhook(delivery.url, headers, delivery.payload, {
    dispatcher: deps.dispatcher,
    allowPrivateNetworks: deps.allowPrivateNetworks,
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
  });
  const now = deps.now();
  if (result.error === null) {
    await deps.feed.recordAttempt(
      delivery.id,
      { status: 'delivered', lastStatusCode: result.statusCode, lastError: null, nextAttemptAt: null },
      now,
    );
    return;
  }
  const delay = retryDelay(delivery.attempts + 1);
  await deps.feed.recordAttempt(
    delivery.id,
    {
      status: delay === undefined ? 'failed' : 'pending',
      lastStatusCode: result.statusCode,
      lastError: result.error,
      nextAttemptAt: delay === undefined ? null : new Date(now.getTime() + delay).toISOString(),
    },
    now,
  );
}
