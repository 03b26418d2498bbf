/**
 * @module `switchboard record`: runs the planned scenarios of an integration against a live upstream (the
 * simulator or a real account) through the real engine, and writes scrubbed fixtures and expected outputs.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type CompiledIntegration, createEngine } from '@switchboard/engine';
import { type Expected, type Fixture, writeExpected, writeFixture } from './fixture.js';
import { DEFAULT_LIMITS, type PlannedScenario, planScenarios } from './plan.js';
import { startRecordingProxy } from './recording-proxy.js';
import { runOperation } from './run-operation.js';
import { type RecordingContext, scenarioOperation } from './scenario-input.js';
import { placeholder, Scrubber } from './scrubber.js';
import { type FaultControl, simulatorFaults } from './simulator-faults.js';

export interface RecordOptions {
  integration: CompiledIntegration;
  /** The upstream base URL to record against, e.g. the simulator's. */
  against: string;
  /** Real connection values (secrets included); never written anywhere. */
  connection: Record<string, string>;
  /** Where fixtures go: `integrations/fixtures/<integration>/`. */
  outDir: string;
  limits?: readonly [number, number];
  /** Only scenarios whose name contains this. */
  only?: string;
  onProgress?: (line: string) => void;
}

export interface RecordResult {
  written: string[];
  skipped: { name: string; reason: string }[];
}

/** Where the clock of every recorded and replayed operation starts, so `$now` is the same on both. */
export const FIXTURE_CLOCK = Date.parse('2026-01-01T00:00:00.000Z');

/**
 * A clock that starts at {@link FIXTURE_CLOCK} and then moves with real time: frozen time would never let a
 * rate-limit window or a Retry-After wait pass.
 */
export function fixtureClock(): () => number {
  const started = performance.now();
  return () => FIXTURE_CLOCK + Math.floor(performance.now() - started);
}

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
  const write = WRITE_ORDER.indexOf(scenario.name);
  if (write >= 0) return 300 + write;
  const kinds = ['list', 'get', 'filter'];
  const k = kinds.indexOf(scenario.kind);
  if (k >= 0) return k * 100;
  return ['create', 'update', 'delete'].includes(scenario.kind) ? 350 : 400;
}

const FAULTS: Partial<Record<PlannedScenario['kind'], Parameters<FaultControl['set']>[0]>> = {
  token_refresh: { expire_tokens_after_calls: 1 },
  rate_limited: { rate_limit_storm: { count: 1, reset_seconds: 1 } },
  server_error: { error_burst: { count: 1, status: 503 } },
};

export async function recordIntegration(options: RecordOptions): Promise<RecordResult> {
  const { integration } = options;
  const progress = options.onProgress ?? (() => {});
  const plan = planScenarios(integration, options.limits ?? DEFAULT_LIMITS)
    .filter((s) => !options.only || s.name.includes(options.only))
    .sort((a, b) => rank(a) - rank(b));
  const context: RecordingContext = {
    run: randomBytes(3).toString('hex'),
    listed: new Map(),
    created: new Map(),
  };
  const faults = await simulatorFaults(options.against);
  const secrets = [...integration.secretFields];
  const result: RecordResult = { written: [], skipped: [] };
  await mkdir(options.outDir, { recursive: true });

  for (const [index, scenario] of plan.entries()) {
    const step = `[${index + 1}/${plan.length}] ${scenario.name}`;
    const operation = scenarioOperation(scenario, context);
    const fault = FAULTS[scenario.kind];
    const skip =
      'skip' in operation
        ? operation.skip
        : fault && !faults
          ? 'the upstream offers no fault injection'
          : undefined;
    if (skip || 'skip' in operation) {
      result.skipped.push({ name: scenario.name, reason: skip ?? 'skipped' });
      progress(`${step} skipped: ${skip}`);
      continue;
    }
    const connection =
      scenario.kind === 'unauthorized'
        ? Object.fromEntries(
            Object.entries(options.connection).map(([k, v]) => [k, secrets.includes(k) ? `wrong-${v}` : v]),
          )
        : options.connection;

    const proxy = await startRecordingProxy(options.against);
    const engine = createEngine({
      integrations: [integration],
      cursorSecret: randomBytes(32),
      upstreamOverrides: { [integration.name]: proxy.url },
      clock: fixtureClock(),
    });
    let outcome: Expected;
    try {
      if (fault) await faults?.set(fault);
      outcome = await runOperation(
        { engine, integration: integration.name, account: { id: `conformance-${context.run}`, connection } },
        operation,
      );
    } finally {
      if (fault) await faults?.clear();
      await engine.close();
      await proxy.close();
    }
    learn(scenario, outcome, context);

    const scrubber = new Scrubber(
      Object.fromEntries(secrets.flatMap((k) => (connection[k] ? [[k, connection[k]]] : []))),
    );
    const fixture: Fixture = {
      scenario: scenario.name,
      integration: integration.name,
      description: describeScenario(scenario),
      operation,
      connection: Object.fromEntries(
        Object.entries(connection).map(([k, v]) => [k, secrets.includes(k) ? placeholder(k) : v]),
      ),
      exchanges: proxy.take().map((exchange) => scrubber.exchange(exchange)),
    };
    await writeFixture(join(options.outDir, `${scenario.name}.yaml`), fixture);
    await writeExpected(join(options.outDir, `${scenario.name}.expected.yaml`), outcome);
    result.written.push(scenario.name);
    progress(`${step} recorded ${fixture.exchanges.length} exchange(s)`);
  }
  return result;
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
      return 'a token that stops working mid-list is refreshed once and the list completes';
    case 'rate_limited':
      return 'a 429 is waited out (Retry-After) and the list completes';
    case 'server_error':
      return 'a 503 is retried and the list completes';
    default:
      return `${scenario.resource}.${scenario.kind} maps the request and the response`;
  }
}
