/**
 * The SDK's change-feed methods against the real API: sync settings and runs, the events feed walked to its end,
 * webhooks with their deliveries, and a delivery verified by `verifyWebhook` as a receiver would.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalJobs } from '@switchboard/changefeed';
import { Switchboard, SwitchboardApiError, verifyWebhook } from '@switchboard/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack, type Tenant } from './stack.js';

let stack: Stack;
let tenant: Tenant;
let accountId: string;
let sdk: Switchboard;
let receiver: Server;
const deliveries: { headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  stack = await startStack({
    simulator: { users: 9 },
    env: { SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' },
  });
  tenant = await stack.tenant();
  accountId = await stack.link(tenant);
  sdk = new Switchboard({
    apiKey: tenant.apiKey,
    baseUrl: await stack.app.listen({ port: 0, host: '127.0.0.1' }),
  });
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      deliveries.push({ headers: request.headers, body });
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

const jobs = () => stack.app.changeFeed.jobs as LocalJobs;

describe('the SDK change feed', () => {
  it('manages sync, reads events and verifies a delivery', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/in`;
    const hook = await sdk.webhooks.create({ url, events: ['user.*'], description: 'offboarding' });
    expect(hook.secret).toMatch(/^whsec_/);
    expect((await sdk.webhooks.list()).result.map((webhook) => webhook.id)).toEqual([hook.id]);
    expect((await sdk.webhooks.update(hook.id, { description: 'hr' })).description).toBe('hr');

    const settings = await sdk.sync.update(accountId, { resources: ['users'], interval: '30m' });
    expect(settings.interval).toBe('30m');
    await jobs().idle();
    expect((await sdk.sync.get(accountId)).last_run?.status).toBe('succeeded');

    const [user] = (
      await sdk.unified.userDirectory.users.list({ integrated_account_id: accountId, limit: 1 })
    ).result;
    await sdk.unified.userDirectory.users.update(
      user?.id ?? '',
      { title: 'Changed by the SDK test' },
      { integrated_account_id: accountId },
    );
    const run = await sdk.sync.run(accountId, 'full');
    expect(run.status).toBe('running');
    await jobs().idle();
    const events = [];
    for await (const event of sdk.events.iterate({ integrated_account_id: accountId, limit: 1 }))
      events.push(event);
    expect(events).toEqual([
      expect.objectContaining({ type: 'user.updated', record_id: user?.id, changed_fields: ['title'] }),
    ]);

    await jobs().tick();
    expect(deliveries).toHaveLength(1);
    const received = deliveries[0] as { headers: IncomingHttpHeaders; body: string };
    const verified = verifyWebhook<{ id: string }>(
      hook.secret,
      received.headers as Record<string, string>,
      received.body,
    );
    expect(verified.id).toBe(events[0]?.id);
    expect((await sdk.webhooks.deliveries(hook.id)).result).toEqual([
      expect.objectContaining({ event_id: events[0]?.id, status: 'delivered', attempts: 1 }),
    ]);

    await sdk.sync.disable(accountId);
    await expect(sdk.sync.get(accountId)).rejects.toBeInstanceOf(SwitchboardApiError);
    await sdk.webhooks.delete(hook.id);
    await expect(sdk.webhooks.get(hook.id)).rejects.toMatchObject({ code: 'SB_ERR_NOT_FOUND', status: 404 });
  });
});
