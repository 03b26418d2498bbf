/**
 * @module `pnpm bench [--quick]`: runs the stages in order (mapping, cold start, unified list, proxy, change feed,
 * upstream calls), prints one progress line per step on stderr, then the tables on stdout, and writes
 * `results/latest.json`. A stage that
 * fails is reported and the others still run; the exit code is 1 when any stage failed. Missed targets do not fail
 * the run — they are reported.
 */
import { resolve } from 'node:path';
import { parseCliOptions, USAGE } from './cli-options.js';
import { BenchError, BenchPieceMissing } from './errors.js';
import { PATHS } from './paths.js';
import type { StageName } from './profiles.js';
import { createProgress } from './progress.js';
import { machineInfo } from './report/machine-info.js';
import { writeResults } from './report/results-file.js';
import { renderSummary } from './report/summary.js';
import { checkTargets } from './report/targets.js';
import type { BenchReport, StageOutcome, Stages } from './results.js';
import { runChangeFeedStage } from './stages/change-feed-stage.js';
import { runColdStartStage } from './stages/cold-start-stage.js';
import { runMappingStage } from './stages/mapping-stage.js';
import { runProxyStage } from './stages/proxy-stage.js';
import type { StageContext } from './stages/stage-context.js';
import { runUnifiedListStage } from './stages/unified-list-stage.js';
import { runUpstreamCallsStage } from './stages/upstream-calls-stage.js';
import { EnvironmentPool } from './switchboard/environment-pool.js';

let options: ReturnType<typeof parseCliOptions>;
try {
  options = parseCliOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
// Ctrl-C: exit through the normal path so the `exit` hook stops every child process.
process.once('SIGINT', () => process.exit(130));

const progress = createProgress();
const machine = machineInfo();
const startedAt = new Date().toISOString();
const environments = new EnvironmentPool(options.apiLogLevel, options.apiCpuProfDir);
const context: StageContext = {
  profile: options.profile,
  progress,
  environments,
  apiLogLevel: options.apiLogLevel,
};
progress(
  'bench',
  `${options.profile.mode} run on ${machine.cpuModel} (${machine.cores} cores), Node ${machine.nodeVersion}`,
);

async function attempt<T>(name: StageName, run: () => Promise<T>): Promise<StageOutcome<T>> {
  if (!options.stages.has(name)) return { status: 'skipped', reason: 'not selected (--only)' };
  progress(name, 'starting');
  try {
    const result = await run();
    return { status: 'ok', result };
  } catch (error) {
    const reason = describe(error);
    progress(name, `${error instanceof BenchPieceMissing ? 'skipped' : 'FAILED'}: ${reason}`);
    return { status: error instanceof BenchPieceMissing ? 'skipped' : 'failed', reason };
  }
}

function describe(error: unknown): string {
  if (error instanceof BenchError) return `${error.message} [${error.code}]`;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.message} [${code}]` : error.message;
  }
  return String(error);
}

const stages: Stages = {
  mapping: await attempt('mapping', () => runMappingStage(context)),
  coldStart: await attempt('cold-start', () => runColdStartStage(context)),
  unifiedList: await attempt('unified-list', () => runUnifiedListStage(context)),
  proxy: await attempt('proxy', () => runProxyStage(context)),
  changeFeed: await attempt('change-feed', () => runChangeFeedStage(context)),
  upstreamCalls: await attempt('upstream-calls', () => runUpstreamCallsStage(context)),
};
await environments.close();
const report: BenchReport = {
  startedAt,
  finishedAt: new Date().toISOString(),
  mode: options.profile.mode,
  machine,
  stages,
  targets: checkTargets(stages),
};
process.stdout.write(`\n${renderSummary(report)}`);
const out = options.out === undefined ? PATHS.defaultResults : resolve(options.out);
await writeResults(out, report);
progress('bench', `wrote ${out}`);
process.exitCode = Object.values(stages).some((stage) => stage.status === 'failed') ? 1 : 0;
