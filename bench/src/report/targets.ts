/**
 * @module The targets, checked against what was measured. They are reported, never tuned to: a ✗ does
 * not fail the run. A target whose stage did not run reads "not measured".
 */
import type { Stages } from '../results.js';
import { formatMb, formatMs, formatPercent, formatRatio, formatSigned } from './format.js';

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  /** `null`: not measured. */
  pass: boolean | null;
}

export const TARGETS = {
  mappingCostRatio: 5,
  unifiedTimeRatio: 1.5,
  rssGrowthMb: 20,
  proxyThroughputRatio: 0.8,
  // Issue 19: at most 2 ms added at p50 (issue 9 asked for 1 ms).
  addedP50Ms: 2,
} as const;

export function checkTargets(stages: Stages): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const mapping = stages.mapping.status === 'ok' ? stages.mapping.result : undefined;
  const mappingTarget = `≤ ${formatRatio(TARGETS.mappingCostRatio)}`;
  if (mapping === undefined) checks.push(missing('mapping vs hand-written', mappingTarget));
  else {
    for (const row of mapping.rows) {
      checks.push({
        name: `mapping ${row.resource} vs hand-written`,
        target: mappingTarget,
        measured: formatRatio(row.costRatio),
        pass: verdict(row.costRatio, (value) => value <= TARGETS.mappingCostRatio),
      });
    }
  }
  const unified = stages.unifiedList.status === 'ok' ? stages.unifiedList.result : undefined;
  const proxy = stages.proxy.status === 'ok' ? stages.proxy.result : undefined;

  if (unified === undefined) {
    checks.push(missing('unified list e2e vs raw', `≤ ${formatRatio(TARGETS.unifiedTimeRatio)}`));
  } else {
    for (const row of unified.rows) {
      checks.push({
        name: `unified list e2e vs raw (${row.users.toLocaleString('en-US')} users)`,
        target: `≤ ${formatRatio(TARGETS.unifiedTimeRatio)}`,
        measured: formatRatio(row.timeRatio),
        pass: verdict(row.timeRatio, (value) => value <= TARGETS.unifiedTimeRatio),
      });
    }
  }
  const sizes = unified?.rows.map((row) => row.users.toLocaleString('en-US')) ?? [];
  checks.push(
    unified === undefined
      ? missing('API RSS growth', `≤ ${formatMb(TARGETS.rssGrowthMb)}`)
      : {
          name: `API RSS growth ${sizes[0]} → ${sizes.at(-1)}`,
          target: `≤ ${formatMb(TARGETS.rssGrowthMb)}`,
          measured: formatSigned(unified.rssGrowthMb, formatMb),
          pass: verdict(unified.rssGrowthMb, (value) => value <= TARGETS.rssGrowthMb),
        },
  );
  checks.push(
    proxy === undefined
      ? missing('proxy throughput vs bare forwarder', `≥ ${formatPercent(TARGETS.proxyThroughputRatio)}`)
      : {
          name: 'proxy throughput vs bare forwarder',
          target: `≥ ${formatPercent(TARGETS.proxyThroughputRatio)}`,
          measured: formatPercent(proxy.throughputRatio),
          pass: verdict(proxy.throughputRatio, (value) => value >= TARGETS.proxyThroughputRatio),
        },
  );
  checks.push(
    proxy === undefined
      ? missing('proxy added p50', `≤ ${formatMs(TARGETS.addedP50Ms)}`)
      : {
          name: 'proxy added p50',
          target: `≤ ${formatMs(TARGETS.addedP50Ms)}`,
          measured: formatSigned(proxy.addedP50Ms, formatMs),
          pass: verdict(proxy.addedP50Ms, (value) => value <= TARGETS.addedP50Ms),
        },
  );
  return checks;
}

function verdict(value: number, ok: (value: number) => boolean): boolean | null {
  return Number.isFinite(value) ? ok(value) : null;
}

function missing(name: string, target: string): TargetCheck {
  return { name, target, measured: 'not measured', pass: null };
}

export function mark(pass: boolean | null): string {
  return pass === null ? '–' : pass ? '✓' : '✗';
}
