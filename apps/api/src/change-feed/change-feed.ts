/**
 * @module The change feed as the API wires it: a service over the store and the engine, and who runs its work —
 * BullMQ jobs shared by every replica with `REDIS_URL`, else this process. Built with the app, started by the
 * server (tests drive the local jobs' sweep themselves).
 */
import {
  type ChangeFeedJobs,
  ChangeFeedService,
  LocalJobs,
  webhookDispatcher,
} from '@switchboard/changefeed';
import type { Engine } from '@switchboard/engine';
import type { Store } from '@switchboard/store';
import type { FastifyBaseLogger } from 'fastify';
import type { Settings } from '../settings.js';
import { accountSources } from './account-source.js';

export interface ChangeFeed {
  service: ChangeFeedService;
  jobs: ChangeFeedJobs;
}

export async function createChangeFeed(
  engine: Engine,
  store: Store,
  settings: Settings,
  log: FastifyBaseLogger,
): Promise<ChangeFeed> {
  const service = new ChangeFeedService({
    store,
    sourceFor: accountSources(engine, store),
    dispatcher: webhookDispatcher(settings.webhookAllowPrivateNetworks),
    allowPrivateNetworks: settings.webhookAllowPrivateNetworks,
    log,
  });
  const onError = (error: unknown) => log.warn({ err: error }, 'change feed sweep failed');
  if (settings.redisUrl === undefined) return { service, jobs: new LocalJobs(service, { onError }) };
  // Imported only with Redis: BullMQ is a large share of the API's start-up.
  const { QueueJobs } = await import('@switchboard/changefeed/queue-jobs');
  return { service, jobs: new QueueJobs(service, { redisUrl: settings.redisUrl, onError }) };
}
