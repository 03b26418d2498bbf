/**
 * At delivery time the policy holds again: a host that resolves (now) to a private address is not connected to,
 * whatever it resolved to when the webhook was created (DNS rebinding), and IP-literal hosts are checked too.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedLookup } from './guarded-lookup.js';
import { sendWebhook, webhookDispatcher } from './send-webhook.js';

let server: Server;
let port: number;
let hits = 0;

beforeAll(async () => {
  server = createServer((_request, response) => {
    hits += 1;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' };

describe('delivery connections', () => {
  it('refuses a name that resolves to loopback at connect time', async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      guardedLookup('localhost', {}, (failure) => resolve(failure));
    });
    expect(error?.message).toContain('private address');
    const result = await sendWebhook(`http://localhost:${port}/in`, headers, '{}', {
      dispatcher: webhookDispatcher(false),
      allowPrivateNetworks: false,
    });
    expect(result.statusCode).toBeNull();
    expect(result.error).toContain('private address');
  });

  it('refuses an IP-literal private host without connecting', async () => {
    const result = await sendWebhook(`http://127.0.0.1:${port}/in`, headers, '{}', {
      dispatcher: webhookDispatcher(false),
      allowPrivateNetworks: false,
    });
    expect(result.error).toContain('private address');
    expect(hits).toBe(0);
  });

  it('sends where private networks are allowed', async () => {
    const result = await sendWebhook(`http://127.0.0.1:${port}/in`, headers, '{}', {
      dispatcher: webhookDispatcher(true),
      allowPrivateNetworks: true,
    });
    expect(result).toEqual({ statusCode: 200, error: null });
    expect(hits).toBe(1);
  });
});
