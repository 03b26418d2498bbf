/**
 * @module One sync run of one integrated account: read every synced resource page by page, compare each record
 * with the version last seen, and commit per page the new versions with one event per real change (and the
 * deliveries those events cause) in one transaction. The first successful run is a silent baseline.
 *
 * - Incremental runs ask only for records changed since the last successful run (minus an overlap) where the
 *   integration can filter on `updated_at[gte]`; elsewhere they read everything.
 * - Deletions are detected whenever a resource was read completely (every full run; incremental runs of
 *   resources without an `updated_at` filter): versions the run did not see become `*.deleted`.
 * - A run reads one page at a time and pauses when the upstream reports less than `reserve` of its window left,
 *   so interactive calls of the same account keep that share of the budget.
 */
import { isSwitchboardError } from '@switchboard/errors';
import type { ChangeFeedRepository, NewEvent, RunCounts, SyncRun } from '@switchboard/store';
import { emitsUpdates, eventFamily, SYNCABLE_RESOURCES, type SyncableResource } from './event-kinds.js';
import { changedFields, comparable } from './record-diff.js';
import type { RecordSource, SourcePage } from './record-source.js';

export interface SyncAccount {
  id: string;
  environmentId: string;
  tenantId: string;
  integration: string;
}

export interface SyncRunDeps {
  feed: ChangeFeedRepository;
  source: RecordSource;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** Share of the upstream's window a run leaves to interactive calls (default 0.2). */
  reserve?: number;
  /** How long a run may go without progress before another process may take over (default 2 minutes). */
  leaseMs?: number;
  signal?: AbortSignal;
}

/** Overlap of incremental windows: upstream clocks and `updated_at` precision differ by seconds. */
const INCREMENTAL_OVERLAP_MS = 60_000;
export const DEFAULT_LEASE_MS = 120_000;

/**
 * Runs `run` (already started with `feed.startRun`) to its end and records the outcome; never throws for an
 * upstream failure (the run is `failed` with the error's message).
 *
 * @example
 * const { run, started } = await store.changeFeed.startRun(envId, accountId, 'incremental', new Date(), 120_000);
 * if (started) await executeRun(deps, account, run, ['users', 'role_assignments']);
 */
export async function executeRun(
  deps: SyncRunDeps,
  account: SyncAccount,
  run: SyncRun,
  resources: readonly string[],
): Promise<SyncRun> {
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const previous = await deps.feed.lastSucceededRun(account.id);
  const counts: RunCounts = { read: 0, created: 0, updated: 0, deleted: 0 };
  try {
    await new RunPass(deps, account, run, previous, counts, leaseMs).execute(resources);
    const finished = deps.now();
    await deps.feed.finishRun(run.id, { status: 'succeeded', counts }, finished);
    return { ...run, status: 'succeeded', counts, finished_at: finished.toISOString() };
  } catch (error) {
    // Coded errors say what the upstream did and hold no secret; anything else stays in the logs only.
    const message = isSwitchboardError(error) ? error.message : 'internal error (see the server logs)';
    const finished = deps.now();
    await deps.feed.finishRun(run.id, { status: 'failed', counts, error: message }, finished);
    return { ...run, status: 'failed', counts, error: message, finished_at: finished.toISOString() };
  }
}

class RunPass {
  /** Users whose own record already reported a `roles` change in this run. */
  readonly #rolesReported = new Set<string>();
  readonly #baseline: boolean;

  constructor(
    private readonly deps: SyncRunDeps,
    private readonly account: SyncAccount,
    private readonly run: SyncRun,
    private readonly previous: SyncRun | undefined,
    private readonly counts: RunCounts,
    private readonly leaseMs: number,
  ) {
    this.#baseline = previous === undefined;
  }

  async execute(resources: readonly string[]): Promise<void> {
    const wanted = SYNCABLE_RESOURCES.filter((resource) => resources.includes(resource));
    for (const resource of wanted) await this.#syncResource(resource);
  }

  async #syncResource(resource: SyncableResource): Promise<void> {
    const filters = this.#filters(resource);
    const complete = !('updated_at[gte]' in filters);
    const assignmentUsers = new Set<string>();
    for await (const page of this.deps.source.pages(resource, filters, this.deps.signal)) {
      const events = await this.#page(resource, page.records, complete);
      if (resource === 'role_assignments')
        for (const event of events) assignmentUsers.add(String(event.data['user_id']));
      await this.deps.feed.renewRun(this.run.id, new Date(this.deps.now().getTime() + this.leaseMs));
      await this.#pace(page);
    }
    if (complete) {
      const gone = await this.deps.feed.unseenVersions(this.account.id, resource, this.run.id);
      const events = this.#baseline
        ? []
        : [...gone].map(([id, data]) => this.#event(resource, 'deleted', id, data, null));
      for (const event of events)
        if (resource === 'role_assignments') assignmentUsers.add(String(event.data['user_id']));
      this.counts.deleted += events.length;
      if (gone.size > 0) await this.#commit(resource, [], [...gone.keys()], events);
    }
    if (resource === 'role_assignments') await this.#userRoleChanges(assignmentUsers);
  }

  /** `updated_at[gte]` for an incremental run where the integration can apply it; else a complete read. */
  #filters(resource: SyncableResource): Record<string, string> {
    if (this.run.mode !== 'incremental' || this.previous === undefined) return {};
    if (!this.deps.source.filters(resource).includes('updated_at[gte]')) return {};
    const since = Date.parse(this.previous.started_at) - INCREMENTAL_OVERLAP_MS;
    return { 'updated_at[gte]': new Date(since).toISOString() };
  }

  async #page(
    resource: SyncableResource,
    records: Record<string, unknown>[],
    complete: boolean,
  ): Promise<NewEvent[]> {
    this.counts.read += records.length;
    const current = records.map(comparable).filter((record) => typeof record['id'] === 'string');
    const known = await this.deps.feed.versions(
      this.account.id,
      resource,
      current.map((record) => String(record['id'])),
    );
    const events: NewEvent[] = [];
    const seen: { recordId: string; data: Record<string, unknown> }[] = [];
    for (const record of current) {
      const id = String(record['id']);
      const before = known.get(id);
      if (before === undefined) {
        seen.push({ recordId: id, data: record });
        if (this.#baseline) continue;
        events.push(this.#event(resource, 'created', id, record, null));
        this.counts.created += 1;
        continue;
      }
      const changed = changedFields(before, record);
      // An unchanged record is stored again only when the run needs to know it still exists.
      if (changed.length > 0 || complete) seen.push({ recordId: id, data: record });
      if (changed.length === 0 || this.#baseline || !emitsUpdates(resource)) continue;
      events.push(this.#event(resource, 'updated', id, record, changed));
      this.counts.updated += 1;
      if (resource === 'users' && changed.includes('roles')) this.#rolesReported.add(id);
    }
    await this.#commit(resource, seen, [], events);
    return events;
  }

  /** A new or removed assignment is also a `roles` change of its user, when users are synced. */
  async #userRoleChanges(userIds: Set<string>): Promise<void> {
    if (this.#baseline || userIds.size === 0) return;
    const unreported = [...userIds].filter((id) => !this.#rolesReported.has(id));
    const users = await this.deps.feed.versions(this.account.id, 'users', unreported);
    const events = [...users].map(([id, data]) => this.#event('users', 'updated', id, data, ['roles']));
    this.counts.updated += events.length;
    if (events.length > 0) await this.#commit('users', [], [], events);
  }

  #event(
    resource: SyncableResource,
    change: 'created' | 'updated' | 'deleted',
    recordId: string,
    data: Record<string, unknown>,
    changed: string[] | null,
  ): NewEvent {
    return {
      type: `${eventFamily(resource)}.${change}`,
      integrated_account_id: this.account.id,
      tenant_id: this.account.tenantId,
      integration: this.account.integration,
      resource,
      record_id: recordId,
      data,
      changed_fields: changed,
    };
  }

  async #commit(
    resource: string,
    seen: { recordId: string; data: Record<string, unknown> }[],
    removed: string[],
    events: NewEvent[],
  ): Promise<void> {
    await this.deps.feed.commit(
      {
        environmentId: this.account.environmentId,
        accountId: this.account.id,
        resource,
        runId: this.run.id,
        seen,
        removed,
        events,
      },
      this.deps.now(),
    );
  }

  /** Leaves `reserve` of the upstream's window to interactive calls: wait for the reset below it. */
  async #pace(page: SourcePage): Promise<void> {
    const { limit, remaining, reset } = page.rateLimit ?? {};
    if (limit === undefined || remaining === undefined || limit <= 0) return;
    if (remaining >= limit * (this.deps.reserve ?? 0.2)) return;
    await this.deps.sleep(Math.max(1, reset ?? 60) * 1000);
  }
}
