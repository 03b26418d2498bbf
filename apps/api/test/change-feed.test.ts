/**
 * The change feed end to end: the real engine and store, the OneLogin simulator as the customer's directory, a
 * local HTTP receiver as the product's webhook endpoint. Changes made upstream become exactly the right events,
 * delivered signed per Standard Webhooks, retried with the same `webhook-id`, and nothing is lost when a worker
 * dies mid-run or mid-delivery.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalJobs } from '@switchboard/changefeed';
import { ChangeFeedService, webhookDispatcher } from '@switchboard/changefeed';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountSources } from '../src/change-feed/account-source.js';
import { type Stack, startStack, type Tenant } from './stack.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

let stack: Stack;
let tenant: Tenant;
let account: string;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
/** Statuses the receiver answers with, in order; 204 once they run out. */
let answers: number[] = [];

beforeAll(async () => {
  stack = await startStack({
    simulator: { users: 12 },
    env: { SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' },
  });
  tenant = await stack.tenant();
  account = await stack.link(tenant);
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = answers.shift() ?? 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await stack.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  answers = [];
});

const jobs = () => stack.app.changeFeed.jobs as LocalJobs;

async function api(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const response = await stack.inject({
    method,
    url,
    headers: tenant.headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return { status: response.statusCode, body: response.body === '' ? undefined : response.json() };
}

const unified = (path: string) =>
  `/unified/user-directory/${path}${path.includes('?') ? '&' : '?'}integrated_account_id=${account}`;

async function allEvents(query = ''): Promise<Record<string, unknown>[]> {
  const events: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor === null ? '' : `&next_cursor=${encodeURIComponent(cursor)}`;
    const page = await api('GET', `/events?limit=2${query}${suffix}`);
    expect(page.status).toBe(200);
    events.push(...page.body.result);
    cursor = page.body.next_cursor;
  } while (cursor !== null);
  return events;
}

async function runNow(mode: 'full' | 'incremental') {
  const started = await api('POST', `/integrated-accounts/${account}/sync/runs`, { mode });
  expect(started.status).toBe(202);
  await jobs().idle();
  return started.body.id as string;
}

let secret: string;
let webhookId: string;

/** Another worker on the same store, on a clock the test moves. */
function serviceAt(now: () => number): ChangeFeedService {
  return new ChangeFeedService({
    store: stack.store,
    sourceFor: accountSources(stack.engine, stack.store),
    dispatcher: webhookDispatcher(true),
    allowPrivateNetworks: true,
    now: () => new Date(now()),
  });
}

describe('change feed', () => {
  it('creates a webhook whose secret is shown once', async () => {
    const created = await api('POST', '/webhooks', {
      url: receiverUrl,
      events: ['user.*', 'role_assignment.created'],
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    secret = created.body.secret;
    webhookId = created.body.id;
    const read = await api('GET', `/webhooks/${webhookId}`);
    expect(read.body).not.toHaveProperty('secret');
    expect((await api('GET', '/webhooks')).body.result.map((hook: { id: string }) => hook.id)).toEqual([
      webhookId,
    ]);
  });

  it('records a silent baseline on the first PUT', async () => {
    const put = await api('PUT', `/integrated-accounts/${account}/sync`, {
      resources: ['users', 'role_assignments'],
      interval: '15m',
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual(
      expect.objectContaining({ resources: ['users', 'role_assignments'], interval: '15m' }),
    );
    await jobs().idle();
    const settings = await api('GET', `/integrated-accounts/${account}/sync`);
    expect(settings.body.last_run).toEqual(
      expect.objectContaining({
        mode: 'full',
        status: 'succeeded',
        counts: expect.objectContaining({ created: 0 }),
      }),
    );
    expect(settings.body.last_run.counts.read).toBeGreaterThanOrEqual(12);
    // The next run is one interval after the baseline.
    expect(
      Date.parse(settings.body.next_run_at) - Date.parse(settings.body.last_run.finished_at),
    ).toBeGreaterThanOrEqual(15 * 60_000);
    expect(await allEvents()).toEqual([]);
  });

  it('turns upstream changes into exactly the right events, each once', async () => {
    type User = { id: string; roles?: { id: string }[] };
    const users = (await api('GET', unified('users?limit=20&remote_data=false'))).body.result as User[];
    const [changed, removed] = users;
    const roles = (await api('GET', unified('roles?limit=100'))).body.result as { id: string }[];
    const held = new Set((changed?.roles ?? []).map((role) => role.id));
    const newRole = roles.find((role) => !held.has(role.id));
    expect(
      (await api('PATCH', unified(`users/${changed?.id}`), { title: 'Head of Offboarding' })).status,
    ).toBe(200);
    expect((await api('DELETE', unified(`users/${removed?.id}`))).status).toBe(200);
    const created = await api('POST', unified('users'), {
      username: 'new.hire',
      first_name: 'New',
      last_name: 'Hire',
      emails: [{ email: 'new.hire@example.com', type: 'work', is_primary: true }],
    });
    expect(created.status).toBe(201);
    const assigned = await api('POST', unified('role_assignments'), {
      user_id: changed?.id,
      role_id: newRole?.id,
    });
    expect(assigned.status).toBe(201);

    await runNow('full');
    const events = await allEvents();
    const summary = events.map((event) => [event['type'], event['record_id']]).sort();
    // The deleted user's assignments went with them.
    const unassigned = (removed?.roles ?? []).map((role) => [
      'role_assignment.deleted',
      `${removed?.id}:${role.id}`,
    ]);
    expect(summary).toEqual(
      [
        ['role_assignment.created', `${changed?.id}:${newRole?.id}`],
        ...unassigned,
        ['user.created', created.body.id],
        ['user.deleted', removed?.id],
        ['user.updated', changed?.id],
      ].sort(),
    );
    const update = events.find((event) => event['type'] === 'user.updated');
    expect(update?.['changed_fields']).toEqual(expect.arrayContaining(['title', 'roles']));
    expect(update?.['changed_fields']).not.toContain('updated_at');
    expect(update?.['data']).toEqual(
      expect.objectContaining({ id: changed?.id, title: 'Head of Offboarding' }),
    );
    expect(update?.['data']).not.toHaveProperty('remote_data');
    expect(events.find((event) => event['type'] === 'user.deleted')?.['data']).toEqual(
      expect.objectContaining({ id: removed?.id }),
    );

    // Nothing changed since: another run emits nothing.
    await runNow('full');
    expect(await allEvents()).toHaveLength(events.length);
    // Filters of the pull feed.
    expect(await allEvents('&type=user.deleted')).toHaveLength(1);
    expect(await allEvents(`&integrated_account_id=${account}&type=user.created,user.updated`)).toHaveLength(
      2,
    );
  });

  it('delivers matching events signed per Standard Webhooks', async () => {
    await jobs().tick();
    const events = await allEvents();
    // user.* and role_assignment.created; the webhook is not subscribed to role_assignment.deleted.
    const subscribed = events.filter((event) => event['type'] !== 'role_assignment.deleted');
    expect(subscribed).toHaveLength(4);
    expect(received).toHaveLength(4);
    const verifier = new Webhook(secret);
    for (const delivery of received) {
      const headers = delivery.headers as Record<string, string>;
      const payload = verifier.verify(delivery.body, headers) as { id: string };
      expect(headers['webhook-id']).toBe(payload.id);
      expect(events.map((event) => event['id'])).toContain(payload.id);
    }
    const log = await api('GET', `/webhooks/${webhookId}/deliveries?limit=50`);
    expect(log.body.result.map((delivery: { status: string }) => delivery.status)).toEqual(
      Array(4).fill('delivered'),
    );
    expect(log.body.result.map((delivery: { event_id: string }) => delivery.event_id).sort()).toEqual(
      subscribed.map((event) => event['id']).sort(),
    );
    // A tampered body does not verify.
    const first = received[0] as Received;
    expect(() => verifier.verify(`${first.body} `, first.headers as Record<string, string>)).toThrow();
  });

  it('retries a failing receiver with the same webhook-id until it answers 2xx', async () => {
    let now = Date.now();
    const service = serviceAt(() => now);
    const test = await api('POST', `/webhooks/${webhookId}/test`);
    expect(test.status).toBe(202);
    answers = [500, 503];
    // The API's own worker made the first attempt; a crash-free retry schedule takes it from there.
    await jobs().idle();
    expect(received).toHaveLength(1);
    let log = (await api('GET', `/webhooks/${webhookId}/deliveries?limit=50`)).body.result.at(-1);
    expect(log).toEqual(expect.objectContaining({ status: 'pending', attempts: 1, last_status_code: 500 }));
    // The first retry comes within a minute, not before it is due.
    expect(await service.deliver()).toBe(0);
    now += 31_000;
    expect(await service.deliver()).toBe(1);
    now += 121_000;
    expect(await service.deliver()).toBe(1);
    expect(received.map((delivery) => delivery.headers['webhook-id'])).toEqual(
      Array(3).fill(test.body.event_id),
    );
    log = (await api('GET', `/webhooks/${webhookId}/deliveries?limit=50`)).body.result.at(-1);
    expect(log).toEqual(expect.objectContaining({ status: 'delivered', attempts: 3, last_status_code: 204 }));
    // A test delivery is not an event of the feed.
    expect((await allEvents()).map((event) => event['type'])).not.toContain('webhook.test');
  });

  it('loses nothing when a worker dies mid-delivery or mid-run', async () => {
    let now = Date.now();
    const service = serviceAt(() => now);
    // A worker claims a delivery and dies before sending: after its lease another worker sends it.
    const test = await api('POST', `/webhooks/${webhookId}/test`);
    await jobs().idle();
    received.length = 0;
    const pending = await stack.store.changeFeed.enqueueDelivery(
      tenant.environmentId,
      webhookId,
      { id: `${test.body.event_id}-again`, type: 'webhook.test', payload: '{}' },
      new Date(now),
    );
    const claimed = await stack.store.changeFeed.claimDeliveries(new Date(now), 60_000, 10, [
      pending?.id ?? '',
    ]);
    expect(claimed).toHaveLength(1);
    expect(await service.deliver(10, [pending?.id ?? ''])).toBe(0);
    now += 61_000;
    expect(await service.deliver(10, [pending?.id ?? ''])).toBe(1);
    expect(received).toHaveLength(1);

    // A run started by a process that died holds the account until its lease passes; then a new run takes over
    // and emits what changed, once.
    const users = (await api('GET', unified('users?limit=1&remote_data=false'))).body.result as {
      id: string;
    }[];
    await api('PATCH', unified(`users/${users[0]?.id}`), { department: 'Security' });
    const dead = await service.start(tenant.environmentId, account, 'full');
    expect(dead.started).toBe(true);
    expect((await service.start(tenant.environmentId, account, 'full')).started).toBe(false);
    now += 121_000;
    const { run, started } = await service.start(tenant.environmentId, account, 'full');
    expect(started).toBe(true);
    expect((await service.execute(run)).status).toBe('succeeded');
    const updates = (await allEvents('&type=user.updated')).filter(
      (event) => event['record_id'] === users[0]?.id,
    );
    expect(updates.at(-1)?.['changed_fields']).toEqual(['department']);
    expect((await stack.store.changeFeed.getRun(tenant.environmentId, dead.run.id))?.status).toBe('failed');
  });

  it('keeps each environment to its own webhooks, events and sync settings', async () => {
    const other = await stack.tenant();
    const as = (method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
      stack.inject({ method, url, headers: other.headers, ...(payload ? { payload } : {}) });
    expect((await as('GET', '/events')).json().result).toEqual([]);
    expect((await as('GET', '/webhooks')).json().result).toEqual([]);
    expect((await as('GET', `/webhooks/${webhookId}`)).statusCode).toBe(404);
    expect((await as('GET', `/integrated-accounts/${account}/sync`)).statusCode).toBe(404);
    expect(
      (await as('PUT', `/integrated-accounts/${account}/sync`, { resources: ['users'], interval: '1h' }))
        .statusCode,
    ).toBe(404);
    expect((await as('DELETE', `/webhooks/${webhookId}`)).statusCode).toBe(404);
  });

  it('refuses bad settings with 400 naming the field', async () => {
    const badInterval = await api('PUT', `/integrated-accounts/${account}/sync`, {
      resources: ['users'],
      interval: '1m',
    });
    expect(badInterval.status).toBe(400);
    expect(badInterval.body.message).toContain('interval');
    const badResource = await api('PUT', `/integrated-accounts/${account}/sync`, {
      resources: ['activities'],
      interval: '1h',
    });
    expect(badResource.status).toBe(400);
    const badEvents = await api('POST', '/webhooks', { url: receiverUrl, events: ['user.renamed'] });
    expect(badEvents.status).toBe(400);
    expect(badEvents.body.message).toContain('events');
    const badUrl = await api('POST', '/webhooks', { url: 'ftp://example.com/hook', events: ['*'] });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.message).toContain('url');
  });

  it('stops syncing on DELETE and keeps past events', async () => {
    expect((await api('DELETE', `/integrated-accounts/${account}/sync`)).status).toBe(204);
    expect((await api('GET', `/integrated-accounts/${account}/sync`)).status).toBe(404);
    expect((await allEvents()).length).toBeGreaterThan(0);
  });
});

describe('webhook URLs without private networks allowed', () => {
  it('refuses loopback, private and metadata addresses (SSRF)', async () => {
    const strict = await startStack();
    try {
      const other = await strict.tenant();
      for (const url of [
        'https://127.0.0.1/hook',
        'https://10.1.2.3/hook',
        'https://169.254.169.254/latest/meta-data',
        'https://[::ffff:127.0.0.1]/hook',
        'https://localhost/hook',
        'http://127.0.0.1/hook',
      ]) {
        const response = await strict.inject({
          method: 'POST',
          url: '/webhooks',
          headers: other.headers,
          payload: { url, events: ['*'] },
        });
        expect(response.statusCode, url).toBe(400);
        expect(response.json().code).toBe('SB_ERR_VALIDATION');
      }
    } finally {
      await strict.close();
    }
  });
});
