import { describe, expect, it } from 'vitest';
import type { LoadRun, Stages } from '../results.js';
import { checkTargets } from './targets.js';

const run = (requestsPerSecond: number, p50Ms: number): LoadRun => ({
  target: 't',
  path: '/',
  durationSeconds: 10,
  requestsPerSecond,
  p50Ms,
  p99Ms: p50Ms * 3,
  non2xx: 0,
  errors: 0,
  serverCpuMsPerRequest: null,
});

const skipped = { status: 'skipped', reason: 'not selected (--only)' } as const;

describe('checkTargets', () => {
  it('marks each measured target as met or missed', () => {
    const row = (resource: string, costRatio: number) => ({
      resource,
      pointer: `/unified/user-directory/${resource}/list/response`,
      mode: 'compiled',
      sampleRecords: 100,
      engineRecordsPerCpuSecond: 100_000 / costRatio,
      interpreterRecordsPerCpuSecond: 1_000,
      handwrittenRecordsPerCpuSecond: 100_000,
      costRatio,
      interpreterCostRatio: 100,
    });
    const stages: Stages = {
      mapping: {
        status: 'ok',
        result: { via: 'createRecordMapper', rows: [row('users', 3.2), row('roles', 6)] },
      },
      coldStart: skipped,
      unifiedList: {
        status: 'ok',
        result: {
          rssGrowthMb: 25,
          rows: [10_000, 100_000].map((users) => ({
            users,
            pageLimit: 100,
            pages: users / 100,
            runs: 3,
            rawSeconds: 1,
            unifiedSeconds: users === 10_000 ? 1.4 : 1.6,
            timeRatio: users === 10_000 ? 1.4 : 1.6,
            unifiedWithoutRemoteSeconds: 1.2,
            withoutRemoteRatio: 1.2,
            apiRssBeforeMb: 100,
            apiPeakRssMb: 120,
            rawCpuPerRecord: { simulatorUs: 5, apiUs: null, clientUs: 4 },
            unifiedCpuPerRecord: { simulatorUs: 5, apiUs: 20, clientUs: 8 },
          })),
        },
      },
      proxy: {
        status: 'ok',
        result: {
          connections: 32,
          pageLimit: 50,
          direct: run(70_000, 0.4),
          bare: run(26_000, 1.2),
          proxy: run(22_000, 1.9),
          throughputRatio: 22_000 / 26_000,
          addedP50Ms: 0.7,
          addedP99Ms: 2.1,
          cpuCostRatio: null,
        },
      },
      changeFeed: skipped,
      upstreamCalls: skipped,
    };
    expect(checkTargets(stages).map((check) => [check.name, check.measured, check.pass])).toEqual([
      ['mapping users vs hand-written', '3.20×', true],
      ['mapping roles vs hand-written', '6.00×', false],
      ['unified list e2e vs raw (10,000 users)', '1.40×', true],
      ['unified list e2e vs raw (100,000 users)', '1.60×', false],
      ['API RSS growth 10,000 → 100,000', '+25.0 MB', false],
      ['proxy throughput vs bare forwarder', '84.6%', true],
      ['proxy added p50', '+0.700 ms', true],
    ]);
  });

  it('says "not measured" rather than passing or failing a stage that did not run', () => {
    const checks = checkTargets({
      mapping: skipped,
      coldStart: skipped,
      unifiedList: skipped,
      proxy: skipped,
      changeFeed: skipped,
      upstreamCalls: skipped,
    });
    expect(checks.every((check) => check.pass === null && check.measured === 'not measured')).toBe(true);
  });
});
