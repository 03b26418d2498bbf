/**
 * Two replicas' change-feed workers on one Postgres and one Redis (BullMQ): both sweep and enqueue the same due
 * run and the same deliveries, and each is done once — one run, each event once, each delivery sent once.
 * Skipped loudly when Postgres or Redis is unreachable.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChangeFeedService, webhookDispatcher } from '@switchboard/changefeed';
import { QueueJobs } from '@switchboard/changefeed/queue-jobs';
import { connectRedis, openStore, redisReady, type Store } from '@switchboard/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSources } from '../src/change-feed/account-source.js';
import { type Stack, startStack, type Tenant } from './stack.js';
import {
  announceSkip,
  REDIS_URL,
  type RunScope,
  runScope,
  unavailableServices,
} from './support/replicas/backing-services.js';

const unavailable = await unavailableServices();
if (unavailable !== undefined) announceSkip(unavailable);

const prefix = `sbtest-cf-${randomBytes(4).toString('hex')}`;
let scope: RunScope;
let stack: Stack;
let tenant: Tenant;
let account: string;
let receiver: Server;
const webhookIds: string[] = [];
const stores: Store[] = [];
const replicas: QueueJobs[] = [];

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe.skipIf(unavailable !== undefined)('change feed on two replicas (Postgres + Redis)', () => {
  beforeAll(async () => {
    scope = runScope();
    stack = await startStack({
      databaseUrl: scope.databaseUrl,
      simulator: { users: 20 },
      env: { SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' },
    });
    tenant = await stack.tenant();
    account = await stack.link(tenant);
    receiver = createServer((request, response) => {
      webhookIds.push(String(request.headers['webhook-id']));
      request.resume();
      request.on('end', () => response.end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    await stack.inject({
      method: 'POST',
      url: '/webhooks',
      headers: tenant.headers,
      payload: { url, events: ['user.*'] },
    });
    const put = await stack.inject({
      method: 'PUT',
      url: `/integrated-accounts/${account}/sync`,
      headers: tenant.headers,
      payload: { resources: ['users'], interval: '1h' },
    });
    expect(put.statusCode).toBe(200);
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    for (const store of stores) await store.close();
    await stack?.close();
    await new Promise((resolve) => receiver?.close(resolve));
    const redis = connectRedis(REDIS_URL);
    if (await redisReady(redis, 3_000)) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    redis.disconnect();
    await scope?.cleanUp();
  });

  it('runs a due sync once and sends each event once', async () => {
    // The baseline (started by the PUT on the API's own worker) finishes first.
    const jobs = stack.app.changeFeed.jobs as { idle?: () => Promise<void> };
    await jobs.idle?.();
    const users = (
      await stack.inject({
        url: `/unified/user-directory/users?integrated_account_id=${account}&limit=3&remote_data=false`,
        headers: tenant.headers,
      })
    ).json().result as { id: string }[];
    for (const user of users) {
      await stack.inject({
        method: 'PATCH',
        url: `/unified/user-directory/users/${user.id}?integrated_account_id=${account}`,
        headers: tenant.headers,
        payload: { department: 'Replicated' },
      });
    }
    await stack.store.changeFeed.reschedule(account, new Date(0));

    for (let i = 0; i < 2; i += 1) {
      // Each replica: its own store connection, service and BullMQ worker.
      const store = await openStore({ url: scope.databaseUrl, encryptionKey: stack.encryptionKey });
      stores.push(store);
      const service = new ChangeFeedService({
        store,
        sourceFor: accountSources(stack.engine, store),
        dispatcher: webhookDispatcher(true),
        allowPrivateNetworks: true,
      });
      const replica = new QueueJobs(service, { redisUrl: REDIS_URL, prefix, tickMs: 3_600_000 });
      await replica.start();
      replicas.push(replica);
    }
    const before = (await stack.store.changeFeed.lastRun(tenant.environmentId, account))?.id;
    await Promise.all(replicas.map((replica) => replica.tick()));
    await until(async () => {
      const last = await stack.store.changeFeed.lastRun(tenant.environmentId, account);
      return last !== undefined && last.id !== before && last.status !== 'running';
    }, 'the scheduled run');
    // Both sweep again: the run is no longer due, so nothing new starts.
    await Promise.all(replicas.map((replica) => replica.tick()));
    const events = await stack.store.changeFeed.listEvents(tenant.environmentId, { limit: 100 });
    expect(events.map((event) => event.record_id).sort()).toEqual(users.map((user) => user.id).sort());
    expect(events.every((event) => event.type === 'user.updated')).toBe(true);

    await Promise.all(replicas.map((replica) => replica.tick()));
    await until(async () => webhookIds.length >= events.length, 'the deliveries');
    await Promise.all(replicas.map((replica) => replica.tick()));
    expect(webhookIds.sort()).toEqual(events.map((event) => event.id).sort());
    // Each delivery was attempted once, whichever replica's worker took it.
    const hooks = await stack.store.changeFeed.listWebhooks(tenant.environmentId, { limit: 10 });
    const log = await stack.store.changeFeed.listDeliveries(tenant.environmentId, hooks[0]?.id ?? '', {
      limit: 100,
    });
    expect(log.map((delivery) => [delivery.status, delivery.attempts])).toEqual(
      log.map(() => ['delivered', 1]),
    );
  });
});
