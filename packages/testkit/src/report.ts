/**
 * @module Renders a conformance report: a per-resource/method table, then every problem of every failed scenario.
 */
import type { ConformanceReport, ScenarioStatus } from './conformance.js';

// One wrong mapping line shows up in every record of every list; the first lines say what the rest repeat.
const MAX_PROBLEMS_SHOWN = 12;

const MARK: Record<ScenarioStatus, string> = {
  passed: 'passed',
  failed: 'FAILED',
  not_covered: 'not covered',
};

export function formatReport(report: ConformanceReport): string {
  const rows = new Map<string, Record<ScenarioStatus, number>>();
  for (const result of report.results) {
    const key = `${result.resource}.${result.method}`;
    const row = rows.get(key) ?? { passed: 0, failed: 0, not_covered: 0 };
    row[result.status]++;
    rows.set(key, row);
  }
  const width = Math.max(20, ...[...rows.keys()].map((k) => k.length));
  const lines = [
    `${report.integration}`,
    `  ${'resource.method'.padEnd(width)}  passed  failed  not covered`,
    ...[...rows].map(
      ([key, row]) =>
        `  ${key.padEnd(width)}  ${String(row.passed).padStart(6)}  ${String(row.failed).padStart(6)}  ${String(row.not_covered).padStart(11)}`,
    ),
  ];
  for (const result of report.results.filter((r) => r.status !== 'passed')) {
    const shown = result.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `    - ${p}`);
    const hidden = result.problems.length - shown.length;
    if (hidden > 0) shown.push(`    … and ${hidden} more (all of them in --json)`);
    lines.push(
      '',
      `  ${MARK[result.status]}: ${result.name} (${result.resource}.${result.method})`,
      ...shown,
    );
  }
  lines.push(
    '',
    `${report.passed} passed, ${report.failed} failed, ${report.notCovered} not covered — ${report.ok ? 'OK' : 'FAILED'}`,
  );
  return lines.join('\n');
}
