/**
 * Record against a live (local) upstream over HTTP, then replay offline: the issue-13 behaviours end to end.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIntegrationSource } from '@switchboard/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runConformance } from './conformance.js';
import { readFixture, writeFixture } from './fixture.js';
import { recordIntegration } from './record.js';
import { formatReport } from './report.js';
import {
  API_KEY,
  GRAPHISH_YAML,
  type GraphishUpstream,
  graphishWithAuth,
  PASSWORD,
  startGraphishUpstream,
} from './testing/graph-like-upstream.js';
import { FIXTURE_CLOCK } from './virtual-time.js';

const SCENARIOS_YAML = `bodies:
  users:
    create: { username: "conformance.{{run}}@example.test", password: "${PASSWORD}" }
scenarios:
  - name: users.get.created
    description: the user created by users.create reads back
    resource: users
    method: get
    id: "{{created.users}}"
`;

let upstream: GraphishUpstream;
let dir: string;
const waits: number[] = [];
beforeEach(async () => {
  upstream = await startGraphishUpstream();
  dir = await mkdtemp(join(tmpdir(), 'testkit-record-'));
  await writeFile(join(dir, 'scenarios.yaml'), SCENARIOS_YAML);
  waits.length = 0;
});
afterEach(async () => {
  await upstream.close();
  await rm(dir, { recursive: true, force: true });
});

const integration = () => loadIntegrationSource(GRAPHISH_YAML, 'graphish.yaml');

async function record(only?: string) {
  return recordIntegration({
    integration: await integration(),
    against: upstream.url,
    connection: { api_key: API_KEY },
    outDir: dir,
    ...(only ? { only } : {}),
    // Recording waits for real against a real upstream; here the waits are only counted.
    wait: async (ms) => {
      waits.push(ms);
    },
  });
}

const allText = () =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    // scenarios.yaml is the test's own input (it holds the password in clear, as a user's file would).
    .filter((e) => e.isFile() && e.name !== 'scenarios.yaml')
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');

// Real HTTP and a real engine on a machine shared by many processes: generous timeouts (never asserted on).
describe('record then replay against a Graph-like upstream', { timeout: 30_000 }, () => {
  it('records every scenario, faults included, and conformance passes offline', async () => {
    const result = await record();
    expect(result.failed).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.written).toEqual(
      expect.arrayContaining(['errors.rate-limited', 'errors.server-error', 'users.get.created']),
    );
    const report = await runConformance({ integration: await integration(), fixturesDir: dir });
    // An API key the upstream refuses (401 on a data call) reads as SB_ERR_AUTH_NEEDS_REAUTH: every scenario passes.
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.notCovered).toBe(0);
  }, 60_000);

  it.each(['bearer', 'basic'] as const)(
    'answers refused %s credentials with a typed auth error, and scrubs the credentials',
    async (scheme) => {
      const result = await recordIntegration({
        integration: await loadIntegrationSource(graphishWithAuth(scheme), 'graphish.yaml'),
        against: upstream.url,
        connection: { api_key: API_KEY },
        outDir: dir,
        only: 'errors.unauthorized',
      });
      expect(result.written).toEqual(['errors.unauthorized']);
      const report = await runConformance({
        integration: await loadIntegrationSource(graphishWithAuth(scheme), 'graphish.yaml'),
        fixturesDir: dir,
        only: 'errors.unauthorized',
      });
      expect(report.ok, formatReport(report)).toBe(true);
      expect(allText()).not.toContain(API_KEY);
      expect(allText()).not.toContain(Buffer.from(`conformance:${API_KEY}`).toString('base64'));
    },
  );

  it('follows absolute next links through the proxy and stores them on the replay origin', async () => {
    await record('users.list.limit-30');
    const fixture = await readFixture(join(dir, 'users.list.limit-30.yaml'));
    expect(fixture.exchanges.map((e) => e.request.query['$skiptoken'])).toEqual([undefined, '2', '4']);
    // On the replay origin, under the base path when the engine keeps declared paths.
    expect(JSON.stringify(fixture.exchanges)).toMatch(
      /"@odata.nextLink":"http:\/\/upstream\.replay\.invalid(\/v1\.0)?\/users\?/,
    );
    expect(allText()).not.toContain('127.0.0.1');
  });

  it('makes the 429 itself, with the declared rate-limit headers on the frozen clock', async () => {
    await record('errors.rate-limited');
    const fixture = await readFixture(join(dir, 'errors.rate-limited.yaml'));
    const [limited, ...rest] = fixture.exchanges;
    expect(limited?.response).toMatchObject({
      status: 429,
      headers: {
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(FIXTURE_CLOCK / 1000 + 1),
        'retry-after': '1',
      },
    });
    expect(rest.every((e) => e.response.status === 200)).toBe(true);
    expect(waits).toContain(1000);
    // The upstream's own epoch reset, 90 s ahead of the real clock, is as far ahead of the frozen one, rounded up
    // to the whole minute (so that re-recording does not change it). The clock had moved by the 1 s waited.
    expect(rest[0]?.response.headers['x-rate-limit-reset']).toBe(String(FIXTURE_CLOCK / 1000 + 1 + 120));
    // Volatile headers are not kept.
    expect(rest[0]?.response.headers).not.toHaveProperty('request-id');
  });

  it('replays on virtual time: a 25 s Retry-After costs no real time', async () => {
    await record('errors.rate-limited');
    const path = join(dir, 'errors.rate-limited.yaml');
    const fixture = await readFixture(path);
    const limited = fixture.exchanges[0];
    if (!limited) throw new Error('no exchange recorded');
    limited.response.headers['retry-after'] = '25';
    limited.response.headers['x-rate-limit-reset'] = String(FIXTURE_CLOCK / 1000 + 25);
    await writeFixture(path, fixture);
    // Were the wait real, the test would outlast its 20 s timeout.
    const report = await runConformance({
      integration: await integration(),
      fixturesDir: dir,
      only: 'errors.rate-limited',
    });
    expect(report.ok, formatReport(report)).toBe(true);
  }, 20_000);

  it('runs on the frozen clock: $now in a query is the fixture instant on record and on replay', async () => {
    await record('users.list.limit-100');
    // The first page carries the query; next links are followed as the upstream wrote them.
    expect(upstream.since[0]).toBe('2026-01-01T00:00:00.000Z');
    const fixture = await readFixture(join(dir, 'users.list.limit-100.yaml'));
    expect(fixture.clock).toBe('2026-01-01T00:00:00.000Z');
    const report = await runConformance({
      integration: await integration(),
      fixturesDir: dir,
      only: 'users.list.limit-100',
    });
    expect(report.ok, formatReport(report)).toBe(true);
  });

  it('scrubs a password in a create body, and replay still matches the request', async () => {
    const result = await record('users.');
    expect(result.failed).toEqual([]);
    expect(allText()).not.toContain(PASSWORD);
    expect(allText()).not.toContain(API_KEY);
    const fixture = parse(readFileSync(join(dir, 'users.create.yaml'), 'utf8'));
    expect(fixture.operation.body.password).toBe('<scrubbed:password>');
    expect(fixture.exchanges[0].request.body).toEqual({
      userPrincipalName: 'conformance.r1@example.test',
      passwordProfile: { password: '<scrubbed:password>' },
    });
    const report = await runConformance({
      integration: await integration(),
      fixturesDir: dir,
      only: 'users.create',
    });
    expect(report.ok, formatReport(report)).toBe(true);
  });

  it('fails loudly, naming the scenario, when a scenario ends in an error it did not ask for', async () => {
    upstream.refuseCreates();
    const result = await record('users.create');
    expect(result.written).toEqual([]);
    expect(result.failed).toEqual([
      { name: 'users.create', reason: expect.stringMatching(/^ended in SB_ERR_\w+ \(upstream 400\)/) },
    ]);
    expect(existsSync(join(dir, 'users.create.yaml'))).toBe(false);
  });

  it('re-records an unchanged upstream without a diff', async () => {
    await record('users.list');
    const first = allText();
    await record('users.list');
    expect(allText()).toBe(first);
  });
});
