/**
 * @module `switchboard record`: runs the planned scenarios of an integration against a live upstream (a simulator
 * or a real sandbox account) through the real engine, and writes scrubbed fixtures and expected outputs. Every
 * scenario runs on a frozen clock stored in its fixture; fault scenarios are made by the recording proxy itself.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type CompiledIntegration, createEngine } from '@switchboard/engine';
import { BodyStore } from './body-store.js';
import { type Expected, type Fixture, writeExpected, writeFixture } from './fixture.js';
import { DEFAULT_LIMITS, type PlannedScenario, planScenarios } from './plan.js';
import { recorderFault } from './recorder-faults.js';
import { startRecordingProxy } from './recording-proxy.js';
import { REPLAY_ORIGIN } from './replay.js';
import { timeHeaders } from './reset-headers.js';
import { runOperation } from './run-operation.js';
import { loadScenarioData, type ScenarioData } from './scenario-data.js';
import { type RecordingContext, scenarioOperation } from './scenario-input.js';
import { placeholder, Scrubber } from './scrubber.js';
import { FIXTURE_CLOCK, recordingTime } from './virtual-time.js';

export { FIXTURE_CLOCK } from './virtual-time.js';

export interface RecordOptions {
  integration: CompiledIntegration;
  /** The upstream base URL to record against, e.g. the simulator's. */
  against: string;
  /**
   * Where the integration's absolute auth URLs (a token endpoint on another host, such as Entra's
   * `login.microsoftonline.com`) are recorded from; without it they go wherever `against` does.
   */
  authAgainst?: string;
  /** Real connection values (secrets included); never written anywhere. */
  connection: Record<string, string>;
  /** Where fixtures go: `integrations/fixtures/<integration>/`. */
  outDir: string;
  limits?: readonly [number, number];
  /** Only scenarios whose name contains this. */
  only?: string;
  /**
   * Suffix of the records the writes create (`conformance.<run>`). Fixed by default so that re-recording leaves
   * no diff; change it when an earlier recording left a record behind.
   */
  runId?: string;
  /** The integration's own scenario data; read from `outDir/scenarios.yaml` when absent. */
  scenarioData?: ScenarioData;
  /** How a wait really waits while recording (injectable for tests). */
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onProgress?: (line: string) => void;
}

export interface RecordResult {
  written: string[];
  skipped: { name: string; reason: string }[];
  /** Scenarios that ended in an outcome they did not ask for; nothing was written for them. */
  failed: { name: string; reason: string }[];
}

export const DEFAULT_RUN_ID = 'r1';

// Writes run in this order so that each finds what it needs (a user to update, a role to assign).
const WRITE_ORDER = [
  'users.create',
  'errors.conflict',
  'users.update',
  'users.delete',
  'roles.create',
  'role_assignments.create',
  'role_assignments.delete',
  'roles.update',
  'roles.delete',
];

function rank(scenario: PlannedScenario): number {
  if (scenario.kind === 'custom') {
    // After the generic create/update of its resource (what it usually builds on), before its delete.
    const usesCreated = JSON.stringify(scenario.custom ?? {}).includes('{{created.');
    if (!usesCreated && (scenario.method === 'list' || scenario.method === 'get')) return 250;
    const after = [`${scenario.resource}.update`, `${scenario.resource}.create`]
      .map((name) => WRITE_ORDER.indexOf(name))
      .find((i) => i >= 0);
    return after === undefined ? 399 : 300 + after + 0.5;
  }
  const write = WRITE_ORDER.indexOf(scenario.name);
  if (write >= 0) return 300 + write;
  const kinds = ['list', 'get', 'filter'];
  const k = kinds.indexOf(scenario.kind);
  if (k >= 0) return k * 100;
  return ['create', 'update', 'delete'].includes(scenario.kind) ? 350 : 400;
}

// Report upstream calls every so many, so a long recording shows it is alive.
const PROGRESS_EVERY = 50;

export async function recordIntegration(options: RecordOptions): Promise<RecordResult> {
  const { integration } = options;
  const progress = options.onProgress ?? (() => {});
  const data = options.scenarioData ?? (await loadScenarioData(options.outDir));
  const plan = planScenarios(integration, options.limits ?? DEFAULT_LIMITS, data.scenarios)
    .filter((s) => !options.only || s.name.includes(options.only))
    .sort((a, b) => rank(a) - rank(b));
  const context: RecordingContext = {
    run: options.runId ?? DEFAULT_RUN_ID,
    listed: new Map(),
    created: new Map(),
    bodies: data.bodies,
  };
  const secrets = [...integration.secretFields];
  const headersInTime = timeHeaders(integration);
  const sessionStart = Date.now();
  const result: RecordResult = { written: [], skipped: [], failed: [] };
  await mkdir(options.outDir, { recursive: true });

  for (const [index, scenario] of plan.entries()) {
    const step = `[${index + 1}/${plan.length}] ${scenario.name}`;
    const operation = scenarioOperation(scenario, context);
    if ('skip' in operation) {
      result.skipped.push({ name: scenario.name, reason: operation.skip });
      progress(`${step} skipped: ${operation.skip}`);
      continue;
    }
    const connection =
      scenario.kind === 'unauthorized'
        ? Object.fromEntries(
            Object.entries(options.connection).map(([k, v]) => [k, secrets.includes(k) ? `wrong-${v}` : v]),
          )
        : options.connection;

    const time = recordingTime(FIXTURE_CLOCK, options.wait);
    const fault = recorderFault(scenario.kind, integration);
    const proxyOptions = {
      recordedOrigin: REPLAY_ORIGIN,
      clock: time.clock,
      timeHeaders: headersInTime,
      sessionStart,
      anchor: FIXTURE_CLOCK,
      log: [],
      ...(fault ? { fault } : {}),
      onExchange: (count: number) => {
        if (count % PROGRESS_EVERY === 0) progress(`${step} … ${count} upstream calls`);
      },
    };
    const proxy = await startRecordingProxy(options.against, proxyOptions);
    const authProxy = options.authAgainst
      ? await startRecordingProxy(options.authAgainst, proxyOptions)
      : undefined;
    // `{ all, auth }`: data to one proxy, absolute auth URLs to the other; both write to one log, in order.
    const override = authProxy ? { all: proxy.url, auth: authProxy.url } : proxy.url;
    const engine = createEngine({
      integrations: [integration],
      cursorSecret: randomBytes(32),
      upstreamOverrides: { [integration.name]: override as string },
      clock: time.clock,
      sleep: time.sleep,
    });
    let outcome: Expected;
    try {
      outcome = await runOperation(
        { engine, integration: integration.name, account: { id: `conformance-${context.run}`, connection } },
        operation,
      );
    } catch (error) {
      outcome = { error: { code: 'CRASHED', message: (error as Error).message } };
    } finally {
      await engine.close();
      await proxy.close();
      await authProxy?.close();
    }
    const exchanges = proxy.take();
    const problem =
      outcomeProblem(scenario, outcome) ??
      (fault && fault.made === 0
        ? `the recorder's ${fault.kind.replace('_', '-')} fault was never used: the operation made no data call`
        : undefined);
    if (problem) {
      result.failed.push({ name: scenario.name, reason: problem });
      progress(`${step} FAILED: ${problem}`);
      continue;
    }
    learn(scenario, outcome, context);

    const scrubber = new Scrubber(
      Object.fromEntries(secrets.flatMap((k) => (connection[k] ? [[k, connection[k]]] : []))),
    );
    // The operation first: a password in its body is then scrubbed wherever the mapping put it upstream.
    const scrubbedOperation = scrubber.value(operation);
    const fixture: Fixture = {
      scenario: scenario.name,
      integration: integration.name,
      description: describeScenario(scenario),
      operation: scrubbedOperation,
      clock: new Date(FIXTURE_CLOCK).toISOString(),
      connection: Object.fromEntries(
        Object.entries(connection).map(([k, v]) => [k, secrets.includes(k) ? placeholder(k) : v]),
      ),
      exchanges: exchanges.map((exchange) => scrubber.exchange(exchange)),
    };
    await writeFixture(join(options.outDir, `${scenario.name}.yaml`), fixture);
    await writeExpected(join(options.outDir, `${scenario.name}.expected.yaml`), scrubber.value(outcome));
    result.written.push(scenario.name);
    progress(`${step} recorded ${fixture.exchanges.length} exchange(s)`);
  }
  await new BodyStore(options.outDir).prune();
  return result;
}

const ASKS_FOR_ERROR = new Set<PlannedScenario['kind']>(['not_found', 'conflict', 'unauthorized']);

/** Why the outcome is not what the scenario asked for, or undefined when it is. */
export function outcomeProblem(scenario: PlannedScenario, outcome: Expected): string | undefined {
  const wanted = scenario.custom?.expect_error;
  if ('error' in outcome) {
    if (ASKS_FOR_ERROR.has(scenario.kind)) return undefined;
    if (wanted && outcome.error.code === wanted) return undefined;
    const status = outcome.error.status ? ` (upstream ${outcome.error.status})` : '';
    return `ended in ${outcome.error.code}${status}${wanted ? `, expected ${wanted}` : ''}: ${outcome.error.message ?? ''}`;
  }
  if (ASKS_FOR_ERROR.has(scenario.kind) || wanted)
    return `expected ${wanted ?? 'an error'}, got a successful answer`;
  return undefined;
}

function learn(scenario: PlannedScenario, outcome: Expected, context: RecordingContext): void {
  if (scenario.kind === 'list' && 'records' in outcome && !context.listed.has(scenario.resource)) {
    context.listed.set(scenario.resource, outcome.records);
  }
  if (scenario.kind === 'create' && 'record' in outcome && typeof outcome.record['id'] === 'string') {
    context.created.set(scenario.resource, outcome.record['id']);
  }
}

function describeScenario(scenario: PlannedScenario): string {
  switch (scenario.kind) {
    case 'list':
      return `reads every ${scenario.resource} record, ${scenario.limit} per page, each exactly once`;
    case 'filter':
      return `applies the ${scenario.filter} filter to ${scenario.resource}`;
    case 'not_found':
      return `a missing ${scenario.resource} id answers a not-found error`;
    case 'conflict':
      return `creating a duplicate ${scenario.resource} record answers the upstream's validation error`;
    case 'unauthorized':
      return 'credentials the upstream refuses answer a typed auth error';
    case 'token_refresh':
      return 'a 401 on a data call (made by the recorder) is met by refreshing the token once; the list completes';
    case 'rate_limited':
      return 'a 429 with the declared rate-limit headers (made by the recorder) is waited out; the list completes';
    case 'server_error':
      return 'a 503 (made by the recorder) is retried and the list completes';
    case 'custom':
      return scenario.custom?.description ?? `${scenario.resource}.${scenario.method} (scenarios.yaml)`;
    default:
      return `${scenario.resource}.${scenario.kind} maps the request and the response`;
  }
}
