/**
 * @module Stage 2 — unified list end to end: every user of a simulator read through the API page by page, against
 * the same upstream pages read directly (token + After-Cursor loop), for each size; the API's peak RSS per size.
 * Each size gets a fresh simulator and a fresh API process, so one size's memory cannot leak into the other's;
 * the last one stays up for the proxy stage.
 * The last environment stays up for the proxy stage.
 */
import { BenchIncompleteRead } from '../errors.js';
import { type CpuSplit, withCpuSplit } from '../processes/cpu-split.js';
import { RssSampler, readProcessMemory } from '../processes/process-memory.js';
import { formatCount, formatMb, formatRatio, formatSeconds } from '../report/format.js';
import type { CpuPerRecord, UnifiedListResult, UnifiedListRow } from '../results.js';
import { median, ratio } from '../stats/statistics.js';
import { readUsersUnified } from '../switchboard/api-client.js';
import type { BenchEnvironment } from '../switchboard/bench-environment.js';
import { unifiedListMaxLimit } from '../switchboard/unified-limit.js';
import { type ReadResult, readUsersRaw } from '../upstream/raw-user-reader.js';
import type { StageContext } from './stage-context.js';

export async function runUnifiedListStage(context: StageContext): Promise<UnifiedListResult> {
  const limit = await unifiedListMaxLimit('user-directory', 'users');
  const rows: UnifiedListRow[] = [];
  for (const users of context.profile.unifiedList.sizes) {
    // A fresh API process per size: its peak RSS must not include an earlier size's.
    const environment = await context.environments.acquire(users, true);
    context.progress(
      'unified-list',
      `${formatCount(users)} users: simulator and API up, account linked; limit=${limit}`,
    );
    rows.push(await measureSize(context, environment, users, limit));
  }
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    rssGrowthMb:
      first === undefined || last === undefined ? Number.NaN : last.apiPeakRssMb - first.apiPeakRssMb,
  };
}

async function measureSize(
  { profile, progress }: StageContext,
  { sim, api, client, accountId }: BenchEnvironment,
  users: number,
  limit: number,
): Promise<UnifiedListRow> {
  const settings = profile.unifiedList;
  const pids = { simulator: sim.service.pid, api: api.service.pid };
  const raw = () =>
    withCpuSplit({ simulator: pids.simulator }, () => readUsersRaw(sim.url, limit, client.dispatcher));
  const unified = () =>
    withCpuSplit(pids, () => api.service.race(readUsersUnified(client, accountId, limit)));
  const withoutRemote = () =>
    api.service.race(readUsersUnified(client, accountId, limit, Number.POSITIVE_INFINITY, false));
  await readUsersRaw(sim.url, limit, client.dispatcher, settings.warmupPages);
  await api.service.race(readUsersUnified(client, accountId, limit, settings.warmupPages));
  const before = await readProcessMemory(api.service.pid);

  const rawSeconds: number[] = [];
  const unifiedSeconds: number[] = [];
  const withoutRemoteSeconds: number[] = [];
  const rawCpu: CpuSplit[] = [];
  const unifiedCpu: CpuSplit[] = [];
  let peakMb = Number.NaN;
  let pages = 0;
  for (let run = 1; run <= settings.runs; run++) {
    const direct = await timed(raw);
    expectAll(direct.result.result, users, 'raw upstream read');
    const sampler = new RssSampler(api.service.pid);
    await sampler.start();
    const through = await timed(unified);
    const runPeak = await sampler.stop();
    expectAll(through.result.result, users, 'unified read');
    rawCpu.push(direct.result.cpu);
    unifiedCpu.push(through.result.cpu);
    const lean = await timed(withoutRemote);
    expectAll(lean.result, users, 'unified read with remote_data=false');
    rawSeconds.push(direct.seconds);
    unifiedSeconds.push(through.seconds);
    withoutRemoteSeconds.push(lean.seconds);
    peakMb = Number.isNaN(peakMb) ? runPeak : Math.max(peakMb, runPeak);
    pages = through.result.result.pages;
    progress(
      'unified-list',
      `${formatCount(users)} users run ${run}/${settings.runs}: raw ${formatSeconds(direct.seconds)}, unified ${formatSeconds(through.seconds)} (${formatRatio(ratio(through.seconds, direct.seconds))}), without remote_data ${formatSeconds(lean.seconds)}, API peak RSS ${formatMb(runPeak)}`,
    );
  }
  return {
    users,
    pageLimit: limit,
    pages,
    runs: settings.runs,
    rawSeconds: median(rawSeconds),
    unifiedSeconds: median(unifiedSeconds),
    timeRatio: ratio(median(unifiedSeconds), median(rawSeconds)),
    unifiedWithoutRemoteSeconds: median(withoutRemoteSeconds),
    withoutRemoteRatio: ratio(median(withoutRemoteSeconds), median(rawSeconds)),
    apiRssBeforeMb: before?.rssMb ?? Number.NaN,
    apiPeakRssMb: peakMb,
    rawCpuPerRecord: cpuPerRecord(rawCpu, users),
    unifiedCpuPerRecord: cpuPerRecord(unifiedCpu, users),
  };
}

/** The median over runs of each process's CPU, in microseconds per record read. */
function cpuPerRecord(runs: CpuSplit[], users: number): CpuPerRecord {
  const perRecord = (pick: (run: CpuSplit) => number | null): number | null => {
    const values = runs.map(pick);
    return values.some((value) => value === null) ? null : (median(values as number[]) * 1000) / users;
  };
  return {
    simulatorUs: perRecord((run) => run.simulatorMs),
    apiUs: perRecord((run) => run.apiMs),
    clientUs: perRecord((run) => run.clientMs) ?? Number.NaN,
  };
}

async function timed<T>(read: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = performance.now();
  const result = await read();
  return { result, seconds: (performance.now() - start) / 1000 };
}

function expectAll(result: ReadResult, users: number, what: string): void {
  if (result.records !== users) {
    throw new BenchIncompleteRead(
      `${what} returned ${result.records} records in ${result.pages} pages; the simulator holds ${users}`,
    );
  }
}
