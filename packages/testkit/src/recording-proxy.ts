/**
 * @module A local HTTP server that forwards every request to a live upstream and keeps each exchange. The engine
 * is pointed at it as its base URL, so recording needs no hook inside the engine. On the way back it rewrites the
 * upstream's origin (absolute links), moves epoch-style time headers and session timestamps onto the frozen clock,
 * drops volatile headers, and — for fault scenarios — answers a data call itself (see `recorder-faults.ts`).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Exchange, RecordedRequest, RecordedResponse } from './fixture.js';
import { ORIGIN_ROOT, originRewrite } from './origin-rewrite.js';
import type { RecorderFault } from './recorder-faults.js';
import { onFrozenClock, type TimeHeader } from './reset-headers.js';
import { normaliseTimestamps } from './timestamp-normalisation.js';

// Headers that differ on every run or describe the connection, not the API: left out of fixtures and hidden from
// the engine, so record and replay see the same thing.
const NOISE = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'date',
  'etag',
  'age',
  'expires',
  'last-modified',
  'vary',
  'server',
  'via',
  'alt-svc',
  'nel',
  'report-to',
  'p3p',
  'pragma',
  'cache-control',
  'strict-transport-security',
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'x-xss-protection',
  'x-powered-by',
  'x-runtime',
  'server-timing',
  'host',
  'user-agent',
  'accept',
  'accept-encoding',
]);
// Per-request identifiers and tracing, whatever the vendor calls them.
const NOISE_PATTERN =
  /(^|-)(request|correlation|trace|span)-?id$|^x-ms-ags-|^cf-|^x-amz-|^x-cache|^x-served-by|^access-control-/;

const isNoise = (name: string) => NOISE.has(name) || NOISE_PATTERN.test(name);

export interface RecordingProxyOptions {
  /** The origin written into fixtures wherever the upstream named its own (the replay origin). */
  recordedOrigin?: string;
  /** A fault to make instead of forwarding one data call. */
  fault?: RecorderFault;
  /** The engine's (frozen) clock: fault headers and normalised times are written on it. */
  clock?: () => number;
  /** Time-valued headers whose absolute values (epochs, dates) move onto `clock`. */
  timeHeaders?: TimeHeader[];
  /** When the recording session began: timestamps since then move onto `clock`. */
  sessionStart?: number;
  /** Where `clock` started (the fixtures' instant): timestamps just after it move onto `clock` too. */
  anchor?: number;
  /** Where exchanges are kept, in order; several proxies (data and auth hosts) may share one. */
  log?: Exchange[];
  /** Called after each exchange with the count so far (progress on long recordings). */
  onExchange?: (count: number) => void;
}

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
    if (value === undefined || isNoise(lower)) continue;
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

const isTokenGrant = (request: RecordedRequest) =>
  request.body !== null && typeof request.body === 'object' && 'grant_type' in request.body;

/**
 * A token's lifetime counts down from when the upstream issued it: rounded down to the whole minute, re-recording
 * does not change it (and the engine refreshes a few seconds early at worst).
 */
function steadyLifetime(json: string): string {
  return json.replace(/("expires_in"\s*:\s*)(\d+)/, (match, key: string, seconds: string) =>
    Number(seconds) > 60 ? `${key}${Math.floor(Number(seconds) / 60) * 60}` : match,
  );
}

const bodyText = (body: unknown) =>
  body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);

export async function startRecordingProxy(
  target: string,
  options: RecordingProxyOptions = {},
): Promise<RecordingProxy> {
  const origin = new URL(target);
  // An engine that replaces its base URL by the proxy's sends paths without the target's base path: it is put back
  // in front. One that keeps declared paths (the current upstream override) sends them whole.
  const basePath = origin.pathname.replace(/\/$/, '');
  const rewrite = originRewrite(target);
  const recordedOrigin = options.recordedOrigin ?? 'http://upstream.replay.invalid';
  const log = options.log ?? [];
  let proxyUrl = '';

  /** The upstream's answer as both the engine and the fixture see it, but for the origin. */
  const normalise = (
    request: RecordedRequest,
    status: number,
    headers: Record<string, string>,
    text: string,
    type?: string,
  ) => {
    const now = options.clock?.();
    let body = text;
    const out = { ...headers };
    if (now !== undefined) {
      for (const header of options.timeHeaders ?? []) {
        const value = out[header.name];
        if (value !== undefined) out[header.name] = onFrozenClock(value, header, Date.now(), now);
      }
      if (options.sessionStart !== undefined && type?.includes('json'))
        body = normaliseTimestamps(body, options.sessionStart, now, options.anchor);
      if (isTokenGrant(request) && type?.includes('json')) body = steadyLifetime(body);
    }
    return { status, headers: out, text: body };
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const incoming = new URL(req.url ?? '/', 'http://proxy.invalid');
    const outsideBase = incoming.pathname === ORIGIN_ROOT || incoming.pathname.startsWith(`${ORIGIN_ROOT}/`);
    // An engine that keeps declared paths sends `/v1.0/users`; one that replaces the base URL sends `/users`.
    const pathsKept =
      basePath === '' || incoming.pathname === basePath || incoming.pathname.startsWith(`${basePath}/`);
    const upstreamPath = outsideBase
      ? incoming.pathname.slice(ORIGIN_ROOT.length) || '/'
      : pathsKept
        ? incoming.pathname
        : basePath + incoming.pathname;
    const url = new URL(upstreamPath + incoming.search, origin);
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: incoming.pathname,
      query: splitQuery(incoming.searchParams),
      headers: keptHeaders(req.headers),
      ...(raw.length > 0 ? { body: decodeBody(raw.toString('utf8'), req.headers['content-type']) } : {}),
    };
    try {
      let answer: { status: number; headers: Record<string, string>; text: string };
      const made = options.fault?.answer(request, options.clock?.() ?? Date.now());
      if (made) {
        answer = { status: made.status, headers: made.headers, text: bodyText(made.body) };
      } else {
        const forwardHeaders = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (
            value === undefined ||
            ['host', 'connection', 'content-length', 'accept-encoding'].includes(name)
          )
            continue;
          forwardHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const upstream = await fetch(url, {
          method: request.method,
          headers: forwardHeaders,
          ...(raw.length > 0 ? { body: raw } : {}),
          redirect: 'manual',
        });
        answer = normalise(
          request,
          upstream.status,
          keptHeaders(upstream.headers),
          await upstream.text(),
          upstream.headers.get('content-type') ?? undefined,
        );
      }
      const headersFor = (to: string) =>
        Object.fromEntries(
          Object.entries(answer.headers).map(([k, v]) => [k, rewrite.apply(v, to, pathsKept)]),
        );
      const storedText = rewrite.apply(answer.text, recordedOrigin, pathsKept);
      const response: RecordedResponse = {
        status: answer.status,
        headers: headersFor(recordedOrigin),
        ...(storedText !== '' ? { body: decodeBody(storedText, answer.headers['content-type']) } : {}),
      };
      log.push({ request, response });
      options.onExchange?.(log.length);
      res.writeHead(answer.status, headersFor(proxyUrl));
      res.end(rewrite.apply(answer.text, proxyUrl, pathsKept));
    } catch (error) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`recording proxy could not reach ${origin.origin}: ${(error as Error).message}`);
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  proxyUrl = `http://127.0.0.1:${port}`;
  return {
    url: proxyUrl,
    take() {
      return log.splice(0, log.length);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
