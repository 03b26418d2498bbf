import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import type { Store } from '../types.js';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

async function setup(store: Store) {
  const env = await store.environments.create(`env-${Math.random()}`);
  const account = await store.accounts.create(env.id, {
    integration: 'onelogin',
    tenantId: 'customer-42',
    connection: { subdomain: 'acme', client_secret: 's3cr3t-value' },
    secretFields: ['client_secret'],
  });
  return { env, account };
}

function userEvent(accountId: string, id: string, type = 'user.created') {
  return {
    type,
    integrated_account_id: accountId,
    tenant_id: 'customer-42',
    integration: 'onelogin',
    resource: 'users',
    record_id: id,
    data: { id, name: `User ${id}` },
    changed_fields: null,
  };
}

describeEachDatabase('change feed', (kind) => {
  it('schedules the baseline at once and keeps one running run per account', async () => {
    const store = await (await kind.fresh()).open();
    const { env, account } = await setup(store);
    const settings = await store.changeFeed.putSettings(
      env.id,
      account.id,
      { resources: ['users'], intervalMs: 900_000 },
      T0,
    );
    expect(settings.next_run_at).toBe(T0.toISOString());
    expect(await store.changeFeed.dueSettings(T0, 10)).toHaveLength(1);

    const first = await store.changeFeed.startRun(env.id, account.id, 'full', T0, 60_000);
    const second = await store.changeFeed.startRun(env.id, account.id, 'incremental', later(1000), 60_000);
    expect(first.started).toBe(true);
    expect(second).toEqual({ run: first.run, started: false });
    // The lease passed: the process running it died; the next start takes over and marks it failed.
    const third = await store.changeFeed.startRun(env.id, account.id, 'full', later(120_000), 60_000);
    expect(third.started).toBe(true);
    expect((await store.changeFeed.getRun(env.id, first.run.id))?.status).toBe('failed');
  });

  it('commits versions, events and matching deliveries together, scoped to the environment', async () => {
    const store = await (await kind.fresh()).open();
    const { env, account } = await setup(store);
    const other = await setup(store);
    const users = await store.changeFeed.createWebhook(
      env.id,
      { url: 'https://hooks.example.com/a', events: ['user.*'] },
      T0,
    );
    await store.changeFeed.createWebhook(
      env.id,
      { url: 'https://hooks.example.com/b', events: ['group.created'] },
      T0,
    );
    expect(users.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);

    const { run } = await store.changeFeed.startRun(env.id, account.id, 'full', T0, 60_000);
    const events = await store.changeFeed.commit(
      {
        environmentId: env.id,
        accountId: account.id,
        resource: 'users',
        runId: run.id,
        seen: [{ recordId: '1', data: { id: '1' } }],
        removed: [],
        events: [userEvent(account.id, '1')],
      },
      T0,
    );
    expect(events).toHaveLength(1);
    expect((await store.changeFeed.versions(account.id, 'users', ['1', '2'])).get('1')).toEqual({ id: '1' });
    expect(await store.changeFeed.listEvents(env.id, { limit: 10 })).toEqual(events);
    expect(await store.changeFeed.listEvents(other.env.id, { limit: 10 })).toEqual([]);

    const deliveries = await store.changeFeed.listDeliveries(env.id, users.id, { limit: 10 });
    expect(deliveries).toEqual([
      expect.objectContaining({ event_id: events[0]?.id, status: 'pending', attempts: 0 }),
    ]);
    expect(await store.changeFeed.getWebhook(other.env.id, users.id)).toBeUndefined();

    // Claimed once: a second worker racing for it gets nothing; the secret opens for the sender only.
    const [claimed] = await store.changeFeed.claimDeliveries(T0, 30_000, 10);
    expect(claimed).toEqual(
      expect.objectContaining({ url: 'https://hooks.example.com/a', secret: users.secret }),
    );
    expect(JSON.parse(claimed?.payload ?? '{}')).toEqual(events[0]);
    expect(await store.changeFeed.claimDeliveries(T0, 30_000, 10)).toEqual([]);
    await store.changeFeed.recordAttempt(
      claimed?.id ?? '',
      { status: 'pending', lastStatusCode: 500, lastError: null, nextAttemptAt: later(30_000).toISOString() },
      T0,
    );
    expect(await store.changeFeed.claimDeliveries(later(10_000), 30_000, 10)).toEqual([]);
    expect(await store.changeFeed.claimDeliveries(later(30_000), 30_000, 10)).toHaveLength(1);
  });

  it('finds the versions a full run did not see', async () => {
    const store = await (await kind.fresh()).open();
    const { env, account } = await setup(store);
    const batch = (runId: string, ids: string[]) => ({
      environmentId: env.id,
      accountId: account.id,
      resource: 'users',
      runId,
      seen: ids.map((id) => ({ recordId: id, data: { id } })),
      removed: [],
      events: [],
    });
    const first = await store.changeFeed.startRun(env.id, account.id, 'full', T0, 60_000);
    await store.changeFeed.commit(batch(first.run.id, ['1', '2', '3']), T0);
    await store.changeFeed.finishRun(
      first.run.id,
      { status: 'succeeded', counts: { read: 3, created: 0, updated: 0, deleted: 0 } },
      T0,
    );
    const second = await store.changeFeed.startRun(env.id, account.id, 'full', later(1), 60_000);
    await store.changeFeed.commit(batch(second.run.id, ['1', '3']), later(1));
    expect([...(await store.changeFeed.unseenVersions(account.id, 'users', second.run.id)).keys()]).toEqual([
      '2',
    ]);
  });

  it('never stores a webhook secret in plain text', async () => {
    const database = await kind.fresh();
    const store = await database.open();
    const { env } = await setup(store);
    const { secret } = await store.changeFeed.createWebhook(
      env.id,
      { url: 'https://h.example.com', events: ['*'] },
      T0,
    );
    expect((await database.rawContents()).includes(Buffer.from(secret.slice('whsec_'.length)))).toBe(false);
  });
});

describeEachDatabase('change feed upkeep', (kind) => {
  it('answers concurrent first PUTs of sync settings without a conflict', async () => {
    const store = await (await kind.fresh()).open();
    const { env, account } = await setup(store);
    const puts = await Promise.all(
      Array.from({ length: 5 }, () =>
        store.changeFeed.putSettings(env.id, account.id, { resources: ['users'], intervalMs: 900_000 }, T0),
      ),
    );
    expect(puts.every((settings) => settings.account_id === account.id)).toBe(true);
  });

  it('prunes finished deliveries and runs with the events of their age', async () => {
    const store = await (await kind.fresh()).open();
    const { env, account } = await setup(store);
    const hook = await store.changeFeed.createWebhook(
      env.id,
      { url: 'https://h.example.com', events: ['*'] },
      T0,
    );
    const { run } = await store.changeFeed.startRun(env.id, account.id, 'full', T0, 60_000);
    await store.changeFeed.commit(
      {
        environmentId: env.id,
        accountId: account.id,
        resource: 'users',
        runId: run.id,
        seen: [],
        removed: [],
        events: [userEvent(account.id, '1')],
      },
      T0,
    );
    await store.changeFeed.finishRun(
      run.id,
      { status: 'succeeded', counts: { read: 1, created: 1, updated: 0, deleted: 0 } },
      T0,
    );
    const [claimed] = await store.changeFeed.claimDeliveries(T0, 60_000, 10);
    await store.changeFeed.recordAttempt(
      claimed?.id ?? '',
      { status: 'delivered', lastStatusCode: 200, lastError: null, nextAttemptAt: null },
      T0,
    );
    expect(await store.changeFeed.pruneEvents(later(1))).toBe(1);
    expect(await store.changeFeed.listDeliveries(env.id, hook.id, { limit: 10 })).toEqual([]);
    expect(await store.changeFeed.lastRun(env.id, account.id)).toBeUndefined();
  });
});
