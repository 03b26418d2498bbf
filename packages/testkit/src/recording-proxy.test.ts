import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingProxy } from './recording-proxy.js';

const upstream = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    res.writeHead(201, {
      'content-type': 'application/json',
      'x-request-id': 'noise',
      'after-cursor': 'next',
    });
    res.end(JSON.stringify({ path: req.url, got: body ? JSON.parse(body) : null }));
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

describe('startRecordingProxy', () => {
  it('forwards to the target under its base path and keeps the exchange without noise headers', async () => {
    const proxy = await startRecordingProxy(base);
    const res = await fetch(`${proxy.url}/users?limit=2&x=1&x=2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: JSON.stringify({ name: 'n' }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ path: '/v1/users?limit=2&x=1&x=2', got: { name: 'n' } });
    const [exchange] = proxy.take();
    await proxy.close();
    expect(exchange?.request).toMatchObject({
      method: 'POST',
      path: '/users',
      query: { limit: '2', x: ['1', '2'] },
      body: { name: 'n' },
    });
    expect(exchange?.response.status).toBe(201);
    expect(exchange?.response.headers).toEqual({
      'content-type': 'application/json',
      'after-cursor': 'next',
    });
    expect(proxy.take()).toEqual([]);
  });

  it('forwards declared paths kept whole, and rewrites the upstream origin in Location for the engine and the fixture', async () => {
    const redirecting = createServer((req, res) => {
      res.writeHead(201, { location: `${origin}${req.url}/7`, 'content-type': 'application/json' });
      res.end(JSON.stringify({ self: `${origin}${req.url}/7` }));
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`;
    const proxy = await startRecordingProxy(`${origin}/v1`, { recordedOrigin: 'http://replay.invalid' });
    const res = await fetch(`${proxy.url}/v1/users`, { method: 'POST' });
    expect(res.headers.get('location')).toBe(`${proxy.url}/v1/users/7`);
    expect(await res.json()).toEqual({ self: `${proxy.url}/v1/users/7` });
    const [exchange] = proxy.take();
    expect(exchange?.request.path).toBe('/v1/users');
    expect(exchange?.response.headers['location']).toBe('http://replay.invalid/v1/users/7');
    expect(exchange?.response.body).toEqual({ self: 'http://replay.invalid/v1/users/7' });
    await proxy.close();
    await new Promise<void>((resolve) => redirecting.close(() => resolve()));
  });
});
