/**
 * @module Serves recorded exchanges through nock so the real engine code path runs offline. Matching is strict:
 * method, path, query and body must equal a recorded request that has not been used yet — a scrubbed secret
 * (`<scrubbed:…>`) matching any value in its place; anything else is reported, scrubbed, with the closest
 * recorded request.
 */
import './promise-with-resolvers.js';
import nock from 'nock';
import type { Exchange, RecordedRequest } from './fixture.js';
import { matchesScrubbed, Scrubber } from './scrubber.js';

export interface Replay {
  /** Requests the engine made that match no recorded exchange, each with the closest recorded one. */
  readonly unexpected: string[];
  /** Recorded exchanges the engine never asked for. */
  unused(): RecordedRequest[];
  done(): void;
}

/** The origin the engine is pointed at during replay (never resolved: nock answers first). */
export const REPLAY_ORIGIN = 'http://upstream.replay.invalid';

function describe(request: Pick<RecordedRequest, 'method' | 'path' | 'query' | 'body'>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query)) {
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
  }
  const search = query.toString();
  const body = request.body === undefined ? '' : ` ${JSON.stringify(request.body)}`;
  return `${request.method} ${request.path}${search ? `?${search}` : ''}${body}`;
}

// Edit distance between two request descriptions, to name the closest recorded request in a mismatch.
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}

function normaliseBody(body: unknown): unknown {
  if (typeof body !== 'string' || body === '') return body === '' ? undefined : body;
  try {
    return JSON.parse(body);
  } catch {
    return body.includes('=') ? Object.fromEntries(new URLSearchParams(body)) : body;
  }
}

function parseUri(uri: string): { path: string; query: Record<string, string | string[]> } {
  const url = new URL(uri, REPLAY_ORIGIN);
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return { path: url.pathname, query };
}

/** Starts serving `exchanges` at {@link REPLAY_ORIGIN}. Call `done()` to remove the interceptors. */
export function startReplay(exchanges: Exchange[]): Replay {
  const pending = exchanges.map((exchange) => ({ exchange, used: false }));
  const unexpected: string[] = [];
  nock.disableNetConnect();
  const scope = nock(REPLAY_ORIGIN).persist();

  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    scope
      .intercept(() => true, method)
      // nock 15 hands reply functions the decompressed fetch Request (a 2-argument function would be
      // taken for a callback-style one).
      .reply(async (request: Request) => {
        const actual = { method, ...parseUri(request.url), body: normaliseBody(await request.text()) };
        const match = pending.find(
          ({ exchange, used }) =>
            !used &&
            exchange.request.method === actual.method &&
            matchesScrubbed(exchange.request.path, actual.path) &&
            matchesScrubbed(exchange.request.query, actual.query) &&
            matchesScrubbed(exchange.request.body, actual.body),
        );
        if (match) {
          match.used = true;
          const { status, headers, body } = match.exchange.response;
          const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
          return [status, text, headers];
        }
        // The report may end up in CI logs: secrets by name (a password in a body) never reach it.
        const wanted = describe(new Scrubber().value(actual));
        const closest = pending
          .map(({ exchange }) => describe(exchange.request))
          .sort((a, b) => distance(wanted, a) - distance(wanted, b))[0];
        unexpected.push(`unexpected upstream request ${wanted}\n  closest recorded: ${closest ?? '(none)'}`);
        // 412 (the recording is the precondition that failed): neither the engine nor undici retries it, as they
        // would a 5xx or a 421.
        return [
          412,
          JSON.stringify({ error: 'no recorded exchange matches this request' }),
          { 'content-type': 'application/json' },
        ];
      });
  }

  return {
    unexpected,
    unused: () => pending.filter(({ used }) => !used).map(({ exchange }) => exchange.request),
    done: () => {
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}
