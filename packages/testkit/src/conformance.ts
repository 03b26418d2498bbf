/**
 * @module `switchboard conformance`: replays every planned scenario's fixture through the real engine, offline,
 * and checks the unified output against the expected file, the unified schema and the scenario's own rules.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type CompiledIntegration, createEngine } from '@switchboard/engine';
import { BodyStore } from './body-store.js';
import { type Expected, readExpected, readFixture, writeExpected } from './fixture.js';
import { goldenDiff } from './golden-diff.js';
import { FILTER_SAMPLES } from './model-samples.js';
import { DEFAULT_LIMITS, type PlannedScenario, planScenarios } from './plan.js';
import { REPLAY_ORIGIN, startReplay } from './replay.js';
import { runOperation } from './run-operation.js';
import { loadScenarioData } from './scenario-data.js';
import { validateUnifiedRecord } from './unified-schema.js';
import { FIXTURE_CLOCK, replayTime } from './virtual-time.js';

export type ScenarioStatus = 'passed' | 'failed' | 'not_covered';

export interface ScenarioResult {
  name: string;
  resource: string;
  method: PlannedScenario['method'];
  status: ScenarioStatus;
  problems: string[];
}

export interface ConformanceReport {
  integration: string;
  results: ScenarioResult[];
  passed: number;
  failed: number;
  notCovered: number;
  /** True when every scenario passed. */
  ok: boolean;
}

export interface ConformanceOptions {
  integration: CompiledIntegration;
  fixturesDir: string;
  /** Rewrite expected files from the actual output instead of comparing. */
  update?: boolean;
  limits?: readonly [number, number];
  /** Only scenarios whose name contains this. */
  only?: string;
  onProgress?: (result: ScenarioResult, index: number, total: number) => void;
}

/**
 * Replays every planned scenario (the integration's own `scenarios.yaml` ones included). Throws only when that
 * file is invalid (a located message).
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const data = await loadScenarioData(options.fixturesDir);
  const plan = planScenarios(options.integration, options.limits ?? DEFAULT_LIMITS, data.scenarios).filter(
    (scenario) => !options.only || scenario.name.includes(options.only),
  );
  const results: ScenarioResult[] = [];
  const outcomes = new Map<string, Expected>();
  for (const [index, scenario] of plan.entries()) {
    const result = await replayScenario(options, scenario, outcomes);
    results.push(result);
    options.onProgress?.(result, index, plan.length);
  }
  crossCheckLimits(plan, outcomes, results);
  if (options.update) await new BodyStore(options.fixturesDir).prune();
  const count = (status: ScenarioStatus) => results.filter((r) => r.status === status).length;
  return {
    integration: options.integration.name,
    results,
    passed: count('passed'),
    failed: count('failed'),
    notCovered: count('not_covered'),
    ok: results.every((r) => r.status === 'passed'),
  };
}

async function replayScenario(
  options: ConformanceOptions,
  scenario: PlannedScenario,
  outcomes: Map<string, Expected>,
): Promise<ScenarioResult> {
  const base = { name: scenario.name, resource: scenario.resource, method: scenario.method };
  const fixturePath = join(options.fixturesDir, `${scenario.name}.yaml`);
  const expectedPath = join(options.fixturesDir, `${scenario.name}.expected.yaml`);
  if (!existsSync(fixturePath)) {
    return { ...base, status: 'not_covered', problems: [`no fixture ${scenario.name}.yaml`] };
  }
  const problems: string[] = [];
  let fixture: Awaited<ReturnType<typeof readFixture>>;
  try {
    fixture = await readFixture(fixturePath);
  } catch (error) {
    return { ...base, status: 'failed', problems: [`cannot read the fixture: ${(error as Error).message}`] };
  }
  const replay = startReplay(fixture.exchanges);
  // The clock the recording ran on; waits advance it instead of passing (no real waiting offline).
  const time = replayTime(fixture.clock ? Date.parse(fixture.clock) : FIXTURE_CLOCK);
  const engine = createEngine({
    integrations: [options.integration],
    cursorSecret: 'conformance-replay-cursor-secret-0123456789',
    upstreamOverrides: { [options.integration.name]: REPLAY_ORIGIN },
    clock: time.clock,
    sleep: time.sleep,
  });
  let actual: Expected;
  try {
    actual = await runOperation(
      {
        engine,
        integration: options.integration.name,
        account: { id: 'conformance', connection: fixture.connection },
      },
      fixture.operation,
    );
  } catch (error) {
    return { ...base, status: 'failed', problems: [`the operation crashed: ${(error as Error).message}`] };
  } finally {
    replay.done();
    await engine.close();
  }
  outcomes.set(scenario.name, actual);

  problems.push(...replay.unexpected);
  for (const request of replay.unused())
    problems.push(`recorded request never made: ${request.method} ${request.path}`);

  if (options.update || !existsSync(expectedPath)) {
    if (options.update) await writeExpected(expectedPath, actual);
    else problems.push(`no expected output ${scenario.name}.expected.yaml (run with --update to create it)`);
  } else {
    problems.push(...goldenDiff(await readExpected(expectedPath), actual));
  }
  problems.push(...scenarioRules(scenario, fixture.operation.filters, actual));
  return { ...base, status: problems.length === 0 ? 'passed' : 'failed', problems };
}

/** What must hold for each kind of scenario, whatever the expected file says. */
function scenarioRules(
  scenario: PlannedScenario,
  filters: Record<string, string> | undefined,
  actual: Expected,
): string[] {
  const problems: string[] = [];
  const expectError = (statuses: number[] | undefined, codes: string[]) => {
    if (!('error' in actual)) return problems.push(`expected an error, got a successful answer`);
    const statusOk =
      !statuses || (actual.error.status !== undefined && statuses.includes(actual.error.status));
    if (!codes.includes(actual.error.code) || !statusOk) {
      problems.push(
        `expected ${codes.join(' or ')}${statuses ? ` (${statuses.join('/')})` : ''}, got ${JSON.stringify(actual.error)}`,
      );
    }
    return 0;
  };
  switch (scenario.kind) {
    case 'not_found':
      expectError([404], ['SB_ERR_HTTP_UPSTREAM_STATUS']);
      return problems;
    case 'conflict':
      expectError([400, 409, 422], ['SB_ERR_HTTP_UPSTREAM_STATUS']);
      return problems;
    case 'unauthorized':
      expectError(undefined, ['SB_ERR_AUTH_NEEDS_REAUTH', 'SB_ERR_AUTH_INVALID_CREDENTIALS']);
      return problems;
    case 'custom':
      if (scenario.custom?.expect_error) {
        expectError(undefined, [scenario.custom.expect_error]);
        return problems;
      }
  }
  if ('error' in actual) return [`unexpected error ${actual.error.code}: ${actual.error.message ?? ''}`];
  const records = 'records' in actual ? actual.records : [actual.record];
  if (scenario.method !== 'delete') {
    records.forEach((record, i) => {
      for (const problem of validateUnifiedRecord(scenario.model, scenario.resource, record)) {
        problems.push(
          `record ${typeof record['id'] === 'string' ? `id ${record['id']}` : `#${i}`}: schema: ${problem}`,
        );
      }
    });
  }
  if ('records' in actual) {
    const seen = new Set<unknown>();
    for (const record of actual.records) {
      if (seen.has(record['id'])) problems.push(`record id ${String(record['id'])} returned more than once`);
      seen.add(record['id']);
    }
  }
  for (const [filter, value] of Object.entries(filters ?? {})) {
    const sample = FILTER_SAMPLES[scenario.resource]?.[filter];
    for (const record of records) {
      if (sample && !sample.holds(record, value))
        problems.push(`record id ${String(record['id'])} does not satisfy ${filter}=${value}`);
    }
  }
  return problems;
}

/** Reading a list at two page sizes must yield the same records in the same order. */
function crossCheckLimits(
  plan: PlannedScenario[],
  outcomes: Map<string, Expected>,
  results: ScenarioResult[],
): void {
  const lists = plan.filter((s) => s.kind === 'list');
  for (const resource of new Set(lists.map((s) => s.resource))) {
    const [a, b] = lists.filter((s) => s.resource === resource).map((s) => outcomes.get(s.name));
    if (!a || !b || !('records' in a) || !('records' in b)) continue;
    const ids = (e: { records: Record<string, unknown>[] }) => e.records.map((r) => r['id']).join(',');
    if (ids(a) !== ids(b)) {
      const result = results.find((r) => r.name === lists.filter((s) => s.resource === resource)[1]?.name);
      if (result) {
        result.status = 'failed';
        result.problems.push(`${resource}: the two page sizes returned different records`);
      }
    }
  }
}
