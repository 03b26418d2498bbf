/**
 * @module The change feed in SQL (one query layer for SQLite and Postgres). A page of a sync run is one
 * transaction: record versions, the events they cause and a pending delivery per matching webhook, so a crash
 * loses nothing and a retry of the page cannot emit an event twice (its versions are already stored).
 */
import { randomBytes } from 'node:crypto';
import type { Cipher } from '../cipher.js';
import { prefixedId } from '../prefixed-id.js';
import type { Db } from '../tables.js';
import { matchesEventPatterns } from './event-patterns.js';
import type { SyncRunsTable, SyncSettingsTable, WebhookDeliveriesTable, WebhooksTable } from './tables.js';
import type {
  ChangeEvent,
  ChangeFeedRepository,
  ClaimedDelivery,
  RunCounts,
  SyncMode,
  SyncRun,
  SyncSettings,
  Webhook,
  WebhookDelivery,
} from './types.js';

const ZERO: RunCounts = { read: 0, created: 0, updated: 0, deleted: 0 };

export function secretContext(environmentId: string, webhookId: string): string {
  return `webhook-secret:${environmentId}:${webhookId}`;
}

function toSettings(row: SyncSettingsTable): SyncSettings {
  return { ...row, interval_ms: Number(row.interval_ms), resources: JSON.parse(row.resources) as string[] };
}

function toRun(row: Omit<SyncRunsTable, 'lease_until'> & { lease_until?: string }): SyncRun {
  const { lease_until: _lease, ...rest } = row;
  return {
    ...rest,
    mode: row.mode as SyncMode,
    status: row.status as SyncRun['status'],
    counts: JSON.parse(row.counts) as RunCounts,
  };
}

function toWebhook(row: Omit<WebhooksTable, 'secret'>): Webhook {
  return { ...row, events: JSON.parse(row.events) as string[] };
}

function toDelivery(row: WebhookDeliveriesTable): WebhookDelivery {
  return {
    id: row.id,
    webhook_id: row.webhook_id,
    event_id: row.event_id,
    event_type: row.event_type,
    status: row.status as WebhookDelivery['status'],
    attempts: Number(row.attempts),
    last_status_code: row.last_status_code === null ? null : Number(row.last_status_code),
    last_error: row.last_error,
    next_attempt_at: row.status === 'pending' ? row.next_attempt_at : null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function toEvent(row: {
  id: string;
  type: string;
  created_at: string;
  account_id: string;
  tenant_id: string;
  integration: string;
  resource: string;
  record_id: string;
  data: string;
  changed_fields: string | null;
}): ChangeEvent {
  return {
    id: row.id,
    type: row.type,
    created_at: row.created_at,
    integrated_account_id: row.account_id,
    tenant_id: row.tenant_id,
    integration: row.integration,
    resource: row.resource,
    record_id: row.record_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    changed_fields: row.changed_fields === null ? null : (JSON.parse(row.changed_fields) as string[]),
  };
}

const RUN_COLUMNS = [
  'id',
  'account_id',
  'environment_id',
  'mode',
  'status',
  'counts',
  'error',
  'started_at',
  'finished_at',
] as const;
const WEBHOOK_COLUMNS = [
  'id',
  'environment_id',
  'url',
  'events',
  'description',
  'created_at',
  'updated_at',
] as const;

export function changeFeedRepository(db: Db, cipher: Cipher): ChangeFeedRepository {
  const repository: ChangeFeedRepository = {
    async putSettings(environmentId, accountId, settings, now) {
      const at = now.toISOString();
      const existing = await db
        .selectFrom('sync_settings')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('environment_id', '=', environmentId)
        .executeTakeFirst();
      if (existing === undefined) {
        // The first PUT schedules the baseline run at once.
        const row = {
          account_id: accountId,
          environment_id: environmentId,
          resources: JSON.stringify(settings.resources),
          interval_ms: settings.intervalMs,
          next_run_at: at,
          last_full_at: null,
          created_at: at,
          updated_at: at,
        };
        // Two first PUTs at once: the second finds the row the first inserted and leaves it as it is.
        const inserted = await db
          .insertInto('sync_settings')
          .values(row)
          .onConflict((conflict) => conflict.column('account_id').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return toSettings(row);
        return repository.putSettings(environmentId, accountId, settings, now);
      }
      const nextRunAt = new Date(
        Math.min(Date.parse(existing.next_run_at), now.getTime() + settings.intervalMs),
      ).toISOString();
      const row = {
        ...existing,
        resources: JSON.stringify(settings.resources),
        interval_ms: settings.intervalMs,
        next_run_at: nextRunAt,
        updated_at: at,
      };
      await db
        .updateTable('sync_settings')
        .set({
          resources: row.resources,
          interval_ms: row.interval_ms,
          next_run_at: nextRunAt,
          updated_at: at,
        })
        .where('account_id', '=', accountId)
        .where('environment_id', '=', environmentId)
        .execute();
      return toSettings(row);
    },

    async getSettings(environmentId, accountId) {
      const row = await db
        .selectFrom('sync_settings')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('environment_id', '=', environmentId)
        .executeTakeFirst();
      return row === undefined ? undefined : toSettings(row);
    },

    async deleteSettings(environmentId, accountId) {
      const result = await db
        .deleteFrom('sync_settings')
        .where('account_id', '=', accountId)
        .where('environment_id', '=', environmentId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async dueSettings(now, limit) {
      const rows = await db
        .selectFrom('sync_settings')
        .selectAll()
        .where('next_run_at', '<=', now.toISOString())
        .orderBy('next_run_at')
        .limit(limit)
        .execute();
      return rows.map(toSettings);
    },

    async reschedule(accountId, nextRunAt, fullAt) {
      await db
        .updateTable('sync_settings')
        .set({
          next_run_at: nextRunAt.toISOString(),
          ...(fullAt === undefined ? {} : { last_full_at: fullAt.toISOString() }),
        })
        .where('account_id', '=', accountId)
        .execute();
    },

    async startRun(environmentId, accountId, mode, now, leaseMs) {
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const running = await trx
          .selectFrom('sync_runs')
          .selectAll()
          .where('account_id', '=', accountId)
          .where('status', '=', 'running')
          .executeTakeFirst();
        if (running !== undefined && running.lease_until > at) return { run: toRun(running), started: false };
        if (running !== undefined) {
          await trx
            .updateTable('sync_runs')
            .set({ status: 'failed', error: 'interrupted: the process running it stopped', finished_at: at })
            .where('id', '=', running.id)
            .execute();
        }
        const row: SyncRunsTable = {
          id: prefixedId('run', now),
          account_id: accountId,
          environment_id: environmentId,
          mode,
          status: 'running',
          counts: JSON.stringify(ZERO),
          error: null,
          started_at: at,
          finished_at: null,
          lease_until: new Date(now.getTime() + leaseMs).toISOString(),
        };
        try {
          await trx.insertInto('sync_runs').values(row).execute();
        } catch (error) {
          // Another replica started one between our read and insert (the unique index on running runs).
          const other = await trx
            .selectFrom('sync_runs')
            .selectAll()
            .where('account_id', '=', accountId)
            .where('status', '=', 'running')
            .executeTakeFirst();
          if (other === undefined) throw error;
          return { run: toRun(other), started: false };
        }
        return { run: toRun(row), started: true };
      });
    },

    async renewRun(runId, leaseUntil) {
      await db
        .updateTable('sync_runs')
        .set({ lease_until: leaseUntil.toISOString() })
        .where('id', '=', runId)
        .execute();
    },

    async finishRun(runId, outcome, now) {
      await db
        .updateTable('sync_runs')
        .set({
          status: outcome.status,
          counts: JSON.stringify(outcome.counts),
          error: outcome.error ?? null,
          finished_at: now.toISOString(),
        })
        .where('id', '=', runId)
        .where('status', '=', 'running')
        .execute();
    },

    async getRun(environmentId, runId) {
      const row = await db
        .selectFrom('sync_runs')
        .select(RUN_COLUMNS)
        .where('id', '=', runId)
        .where('environment_id', '=', environmentId)
        .executeTakeFirst();
      return row === undefined ? undefined : toRun(row);
    },

    async lastRun(environmentId, accountId) {
      const row = await db
        .selectFrom('sync_runs')
        .select(RUN_COLUMNS)
        .where('account_id', '=', accountId)
        .where('environment_id', '=', environmentId)
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row === undefined ? undefined : toRun(row);
    },

    async lastSucceededRun(accountId) {
      const row = await db
        .selectFrom('sync_runs')
        .select(RUN_COLUMNS)
        .where('account_id', '=', accountId)
        .where('status', '=', 'succeeded')
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row === undefined ? undefined : toRun(row);
    },

    async versions(accountId, resource, recordIds) {
      const found = new Map<string, Record<string, unknown>>();
      // Bounded IN lists: a page is at most a few hundred ids.
      for (let i = 0; i < recordIds.length; i += 500) {
        const rows = await db
          .selectFrom('record_versions')
          .select(['record_id', 'data'])
          .where('account_id', '=', accountId)
          .where('resource', '=', resource)
          .where('record_id', 'in', recordIds.slice(i, i + 500))
          .execute();
        for (const row of rows) found.set(row.record_id, JSON.parse(row.data) as Record<string, unknown>);
      }
      return found;
    },

    async unseenVersions(accountId, resource, runId) {
      const rows = await db
        .selectFrom('record_versions')
        .select(['record_id', 'data'])
        .where('account_id', '=', accountId)
        .where('resource', '=', resource)
        .where('seen_run_id', '!=', runId)
        .execute();
      return new Map(rows.map((row) => [row.record_id, JSON.parse(row.data) as Record<string, unknown>]));
    },

    async commit(batch, now) {
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        for (const { recordId, data } of batch.seen) {
          await trx
            .insertInto('record_versions')
            .values({
              account_id: batch.accountId,
              resource: batch.resource,
              record_id: recordId,
              data: JSON.stringify(data),
              seen_run_id: batch.runId,
              updated_at: at,
            })
            .onConflict((conflict) =>
              conflict
                .columns(['account_id', 'resource', 'record_id'])
                .doUpdateSet({ data: JSON.stringify(data), seen_run_id: batch.runId, updated_at: at }),
            )
            .execute();
        }
        if (batch.removed.length > 0) {
          await trx
            .deleteFrom('record_versions')
            .where('account_id', '=', batch.accountId)
            .where('resource', '=', batch.resource)
            .where('record_id', 'in', batch.removed)
            .execute();
        }
        if (batch.events.length === 0) return [];
        const webhooks = await trx
          .selectFrom('webhooks')
          .select(['id', 'events'])
          .where('environment_id', '=', batch.environmentId)
          .execute();
        const events: ChangeEvent[] = [];
        for (const event of batch.events) {
          const stored: ChangeEvent = { id: prefixedId('evt', now), created_at: at, ...event };
          events.push(stored);
          await trx
            .insertInto('events')
            .values({
              id: stored.id,
              environment_id: batch.environmentId,
              account_id: event.integrated_account_id,
              tenant_id: event.tenant_id,
              integration: event.integration,
              type: event.type,
              resource: event.resource,
              record_id: event.record_id,
              data: JSON.stringify(event.data),
              changed_fields: event.changed_fields === null ? null : JSON.stringify(event.changed_fields),
              created_at: at,
            })
            .execute();
          const payload = JSON.stringify(stored);
          for (const webhook of webhooks) {
            if (!matchesEventPatterns(JSON.parse(webhook.events) as string[], event.type)) continue;
            await trx
              .insertInto('webhook_deliveries')
              .values(newDelivery(batch.environmentId, webhook.id, stored.id, stored.type, payload, now))
              .execute();
          }
        }
        return events;
      });
    },

    async listEvents(environmentId, filter) {
      let query = db.selectFrom('events').selectAll().where('environment_id', '=', environmentId);
      // Event ids embed their creation time (prefixed-id.ts): "after this id" is "after this event".
      if (filter.after !== undefined) query = query.where('id', '>', filter.after);
      if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
      if (filter.types !== undefined && filter.types.length > 0)
        query = query.where('type', 'in', filter.types);
      const rows = await query.orderBy('id').limit(filter.limit).execute();
      return rows.map(toEvent);
    },

    async pruneEvents(before) {
      const cutoff = before.toISOString();
      // Deliveries hold a copy of their event and runs pile up: both go with the events of their age.
      await db
        .deleteFrom('webhook_deliveries')
        .where('status', '!=', 'pending')
        .where('updated_at', '<', cutoff)
        .execute();
      await db
        .deleteFrom('sync_runs')
        .where('status', '!=', 'running')
        .where('started_at', '<', cutoff)
        .execute();
      const result = await db.deleteFrom('events').where('created_at', '<', cutoff).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async createWebhook(environmentId, input, now) {
      const at = now.toISOString();
      const id = prefixedId('wh', now);
      // Standard Webhooks secrets: `whsec_` + base64 of 24 random bytes; the base64 part is the HMAC key.
      const secret = `whsec_${randomBytes(24).toString('base64')}`;
      const row = {
        id,
        environment_id: environmentId,
        url: input.url,
        events: JSON.stringify(input.events),
        description: input.description ?? null,
        created_at: at,
        updated_at: at,
      };
      await db
        .insertInto('webhooks')
        .values({ ...row, secret: cipher.seal(secret, secretContext(environmentId, id)) })
        .execute();
      return { ...toWebhook(row), secret };
    },

    async getWebhook(environmentId, id) {
      const row = await db
        .selectFrom('webhooks')
        .select(WEBHOOK_COLUMNS)
        .where('environment_id', '=', environmentId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toWebhook(row);
    },

    async listWebhooks(environmentId, page) {
      let query = db
        .selectFrom('webhooks')
        .select(WEBHOOK_COLUMNS)
        .where('environment_id', '=', environmentId);
      if (page.after !== undefined) query = query.where('id', '>', page.after);
      const rows = await query.orderBy('id').limit(page.limit).execute();
      return rows.map(toWebhook);
    },

    async updateWebhook(environmentId, id, patch, now) {
      const set = {
        ...(patch.url === undefined ? {} : { url: patch.url }),
        ...(patch.events === undefined ? {} : { events: JSON.stringify(patch.events) }),
        ...(patch.description === undefined ? {} : { description: patch.description }),
        updated_at: now.toISOString(),
      };
      const row = await db
        .updateTable('webhooks')
        .set(set)
        .where('environment_id', '=', environmentId)
        .where('id', '=', id)
        .returning(WEBHOOK_COLUMNS)
        .executeTakeFirst();
      return row === undefined ? undefined : toWebhook(row);
    },

    async deleteWebhook(environmentId, id) {
      const result = await db
        .deleteFrom('webhooks')
        .where('environment_id', '=', environmentId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async enqueueDelivery(environmentId, webhookId, event, now) {
      const webhook = await db
        .selectFrom('webhooks')
        .select('id')
        .where('environment_id', '=', environmentId)
        .where('id', '=', webhookId)
        .executeTakeFirst();
      if (webhook === undefined) return undefined;
      const row = newDelivery(environmentId, webhookId, event.id, event.type, event.payload, now);
      await db.insertInto('webhook_deliveries').values(row).execute();
      return toDelivery(row);
    },

    async listDeliveries(environmentId, webhookId, page) {
      let query = db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('environment_id', '=', environmentId)
        .where('webhook_id', '=', webhookId);
      if (page.after !== undefined) query = query.where('id', '>', page.after);
      const rows = await query.orderBy('id').limit(page.limit).execute();
      return rows.map(toDelivery);
    },

    async claimDeliveries(now, leaseMs, limit, ids) {
      const at = now.toISOString();
      let query = db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]));
      if (ids !== undefined) query = query.where('id', 'in', ids.length > 0 ? ids : ['']);
      const candidates = await query.orderBy('next_attempt_at').limit(limit).execute();
      const claimed: ClaimedDelivery[] = [];
      const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
      for (const { id } of candidates) {
        // Compare-and-set: of several workers racing for a delivery, exactly one updates the row.
        const result = await db
          .updateTable('webhook_deliveries')
          .set({ lease_until: leaseUntil })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) continue;
        const row = await db
          .selectFrom('webhook_deliveries')
          .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
          .selectAll('webhook_deliveries')
          .select(['webhooks.url as url', 'webhooks.secret as sealed_secret'])
          .where('webhook_deliveries.id', '=', id)
          .executeTakeFirst();
        if (row === undefined) continue; // the webhook was deleted meanwhile
        const { url, sealed_secret, ...delivery } = row;
        let secret: string;
        try {
          secret = cipher.open(
            sealed_secret,
            secretContext(delivery.environment_id, delivery.webhook_id),
            `webhook ${delivery.webhook_id}`,
          );
        } catch {
          // A secret no key opens (a lost previous key): this delivery can never be signed; the others go on.
          await db
            .updateTable('webhook_deliveries')
            .set({
              status: 'failed',
              last_error: 'the webhook secret cannot be decrypted',
              lease_until: null,
              updated_at: at,
            })
            .where('id', '=', id)
            .execute();
          continue;
        }
        claimed.push({
          ...toDelivery(delivery),
          environment_id: delivery.environment_id,
          payload: delivery.payload,
          url,
          secret,
        });
      }
      return claimed;
    },

    async recordAttempt(id, outcome, now) {
      const current = await db
        .selectFrom('webhook_deliveries')
        .select('attempts')
        .where('id', '=', id)
        .executeTakeFirst();
      if (current === undefined) return;
      await db
        .updateTable('webhook_deliveries')
        .set({
          status: outcome.status,
          attempts: Number(current.attempts) + 1,
          last_status_code: outcome.lastStatusCode,
          last_error: outcome.lastError,
          next_attempt_at: outcome.nextAttemptAt ?? now.toISOString(),
          lease_until: null,
          updated_at: now.toISOString(),
        })
        .where('id', '=', id)
        .execute();
    },

    async dueDeliveryIds(now, limit) {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now.toISOString())
        .orderBy('next_attempt_at')
        .limit(limit)
        .execute();
      return rows.map((row) => row.id);
    },
  };
  return repository;
}

function newDelivery(
  environmentId: string,
  webhookId: string,
  eventId: string,
  eventType: string,
  payload: string,
  now: Date,
): WebhookDeliveriesTable {
  const at = now.toISOString();
  return {
    id: prefixedId('dlv', now),
    webhook_id: webhookId,
    environment_id: environmentId,
    event_id: eventId,
    event_type: eventType,
    payload,
    status: 'pending',
    attempts: 0,
    last_status_code: null,
    last_error: null,
    next_attempt_at: at,
    lease_until: null,
    created_at: at,
    updated_at: at,
  };
}
