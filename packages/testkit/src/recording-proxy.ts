/**
 * @module A local HTTP server that forwards every request to a live upstream and keeps each exchange. The engine
 * is pointed at it as its base URL, so recording needs no hook inside the engine.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Exchange } from './fixture.js';

// Headers that differ on every run or describe the connection, not the API: left out of fixtures.
const NOISE = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'date',
  'etag',
  'x-request-id',
  'x-runtime',
  'host',
  'user-agent',
  'accept',
  'accept-encoding',
]);

export interface RecordingProxy {
  url: string;
  /** Exchanges seen since the last `take()`, in order. */
  take(): Exchange[];
  close(): Promise<void>;
}

function keptHeaders(headers: Headers | IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (value === undefined || NOISE.has(lower)) continue;
    out[lower] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function decodeBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (contentType?.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  return text;
}

function splitQuery(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    query[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const origin = new URL(target);
  // The engine's base URL becomes the proxy's root, so the target's own base path is put back in front.
  const basePath = origin.pathname.replace(/\/$/, '');
  let exchanges: Exchange[] = [];

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(basePath + (req.url ?? '/'), origin);
    const forwardHeaders = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || ['host', 'connection', 'content-length', 'accept-encoding'].includes(name))
        continue;
      forwardHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    try {
      const upstream = await fetch(url, {
        method: req.method ?? 'GET',
        headers: forwardHeaders,
        ...(raw.length > 0 ? { body: raw } : {}),
        redirect: 'manual',
      });
      const text = await upstream.text();
      const requestHeaders = keptHeaders(req.headers);
      exchanges.push({
        request: {
          method: req.method ?? 'GET',
          path: url.pathname.slice(basePath.length) || '/',
          query: splitQuery(url.searchParams),
          headers: requestHeaders,
          ...(raw.length > 0 ? { body: decodeBody(raw.toString('utf8'), req.headers['content-type']) } : {}),
        },
        response: {
          status: upstream.status,
          headers: keptHeaders(upstream.headers),
          ...(text !== ''
            ? { body: decodeBody(text, upstream.headers.get('content-type') ?? undefined) }
            : {}),
        },
      });
      const headers = keptHeaders(upstream.headers);
      res.writeHead(upstream.status, headers);
      res.end(text);
    } catch (error) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`recording proxy could not reach ${origin.origin}: ${(error as Error).message}`);
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    take() {
      const taken = exchanges;
      exchanges = [];
      return taken;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
