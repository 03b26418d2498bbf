/**
 * @module Sync settings and runs per integrated account (the change feed's input): `PUT|GET|DELETE
 * /integrated-accounts/:id/sync` and `POST /integrated-accounts/:id/sync/runs`. The first `PUT` starts the silent
 * baseline run at once; a run request while one is going answers the running one.
 */
import { isSyncable, SYNCABLE_RESOURCES } from '@switchboard/changefeed';
import type { SyncRun, SyncSettings } from '@switchboard/store';
import type { FastifyInstance } from 'fastify';
import { formatInterval, INTERVAL_PATTERN, parseInterval } from '../change-feed/interval.js';
import { NotFound, ValidationFailed } from '../errors.js';
import { callerOf } from '../request-context.js';
import type { RouteDeps } from '../route-deps.js';
import { errors, IdParam } from '../schemas/common.js';

const MODEL = 'user-directory';
const idParams = { type: 'object', required: ['id'], properties: { id: IdParam } } as const;

const runSchema = {
  type: ['object', 'null'],
  required: ['id', 'mode', 'status', 'started_at', 'finished_at', 'counts', 'error'],
  properties: {
    id: { type: 'string' },
    mode: { type: 'string', enum: ['full', 'incremental'] },
    status: { type: 'string', enum: ['running', 'succeeded', 'failed'] },
    started_at: { type: 'string' },
    finished_at: { type: ['string', 'null'] },
    counts: {
      type: 'object',
      required: ['read', 'created', 'updated', 'deleted'],
      properties: {
        read: { type: 'integer' },
        created: { type: 'integer' },
        updated: { type: 'integer' },
        deleted: { type: 'integer' },
      },
    },
    error: { type: ['string', 'null'] },
  },
} as const;

const settingsSchema = {
  type: 'object',
  required: [
    'integrated_account_id',
    'resources',
    'interval',
    'next_run_at',
    'last_run',
    'created_at',
    'updated_at',
  ],
  properties: {
    integrated_account_id: { type: 'string' },
    resources: { type: 'array', items: { type: 'string', enum: [...SYNCABLE_RESOURCES] } },
    interval: { type: 'string', description: 'e.g. `15m`' },
    next_run_at: { type: 'string' },
    last_run: runSchema,
    created_at: { type: 'string' },
    updated_at: { type: 'string' },
  },
} as const;

interface SyncBody {
  resources: string[];
  interval: string;
}

function runView(run: SyncRun | undefined) {
  if (run === undefined) return null;
  const { id, mode, status, started_at, finished_at, counts, error } = run;
  return { id, mode, status, started_at, finished_at, counts, error };
}

function settingsView(settings: SyncSettings, lastRun: SyncRun | undefined) {
  return {
    integrated_account_id: settings.account_id,
    resources: settings.resources,
    interval: formatInterval(settings.interval_ms),
    next_run_at: settings.next_run_at,
    last_run: runView(lastRun),
    created_at: settings.created_at,
    updated_at: settings.updated_at,
  };
}

function invalid(field: string, message: string): never {
  throw new ValidationFailed(`invalid request: body/${field} ${message}`, {
    details: { issues: [{ location: 'body', path: `/${field}`, message }] },
  });
}

export async function syncRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { store, engine, changeFeed } = deps;
  const tags = ['change feed'];

  async function accountOf(environmentId: string, id: string) {
    const account = await store.accounts.get(environmentId, id);
    if (account === undefined) throw new NotFound('integrated account');
    return account;
  }

  app.put<{ Params: { id: string }; Body: SyncBody }>(
    '/integrated-accounts/:id/sync',
    {
      schema: {
        tags,
        summary: 'Turn on or change syncing of an account (the first PUT starts the baseline run)',
        params: idParams,
        body: {
          type: 'object',
          required: ['resources', 'interval'],
          additionalProperties: false,
          properties: {
            resources: {
              type: 'array',
              minItems: 1,
              uniqueItems: true,
              items: { type: 'string', enum: [...SYNCABLE_RESOURCES] },
            },
            interval: { type: 'string', pattern: INTERVAL_PATTERN, description: 'From `5m` to `24h`.' },
          },
        },
        response: { 200: settingsSchema, ...errors('SB_ERR_VALIDATION', 'SB_ERR_NOT_FOUND') },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const account = await accountOf(caller.environmentId, request.params.id);
      const intervalMs = parseInterval(request.body.interval);
      if (intervalMs === undefined) invalid('interval', 'must be a duration from 5m to 24h, e.g. 15m');
      const served = engine.capabilities(account.integration)[MODEL] ?? {};
      for (const resource of request.body.resources) {
        if (!isSyncable(resource) || !served[resource]?.methods.includes('list')) {
          invalid('resources', `names ${resource}, which ${account.integration} cannot list`);
        }
      }
      const first =
        (await changeFeed.service.feed.getSettings(caller.environmentId, account.id)) === undefined;
      const settings = await changeFeed.service.feed.putSettings(
        caller.environmentId,
        account.id,
        { resources: request.body.resources, intervalMs },
        changeFeed.service.now(),
      );
      if (first) {
        const { run, started } = await changeFeed.service.start(caller.environmentId, account.id, 'full');
        if (started) await changeFeed.jobs.execute(run);
      }
      return settingsView(settings, await changeFeed.service.feed.lastRun(caller.environmentId, account.id));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/integrated-accounts/:id/sync',
    {
      schema: {
        tags,
        summary: "An account's sync settings, last run and next run",
        params: idParams,
        response: { 200: settingsSchema, ...errors('SB_ERR_NOT_FOUND') },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const account = await accountOf(caller.environmentId, request.params.id);
      const settings = await changeFeed.service.feed.getSettings(caller.environmentId, account.id);
      if (settings === undefined) throw new NotFound('sync settings');
      return settingsView(settings, await changeFeed.service.feed.lastRun(caller.environmentId, account.id));
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/integrated-accounts/:id/sync',
    {
      schema: {
        tags,
        summary: 'Stop syncing an account (past events are kept)',
        params: idParams,
        response: { 204: { type: 'null' }, ...errors('SB_ERR_NOT_FOUND') },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const account = await accountOf(caller.environmentId, request.params.id);
      if (!(await changeFeed.service.feed.deleteSettings(caller.environmentId, account.id))) {
        throw new NotFound('sync settings');
      }
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: { mode?: 'full' | 'incremental' } | undefined }>(
    '/integrated-accounts/:id/sync/runs',
    {
      schema: {
        tags,
        summary: 'Start a sync run now (or answer the one running)',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { mode: { type: 'string', enum: ['full', 'incremental'], default: 'incremental' } },
        },
        response: {
          202: {
            type: 'object',
            required: ['id', 'status', 'mode'],
            properties: { id: { type: 'string' }, status: { type: 'string' }, mode: { type: 'string' } },
          },
          ...errors('SB_ERR_VALIDATION', 'SB_ERR_NOT_FOUND'),
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const account = await accountOf(caller.environmentId, request.params.id);
      const settings = await changeFeed.service.feed.getSettings(caller.environmentId, account.id);
      if (settings === undefined)
        throw new NotFound('sync settings (PUT /integrated-accounts/:id/sync first)');
      const { run, started } = await changeFeed.service.start(
        caller.environmentId,
        account.id,
        request.body?.mode ?? 'incremental',
      );
      if (started) await changeFeed.jobs.execute(run);
      return reply.code(202).send({ id: run.id, status: run.status, mode: run.mode });
    },
  );
}
