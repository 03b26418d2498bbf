/** @module The report as terminal tables: one per stage, then the targets with ✓/✗. */
import type { BenchReport, CpuPerRecord, StageOutcome } from '../results.js';
import {
  formatCount,
  formatMb,
  formatMs,
  formatPercent,
  formatRatio,
  formatSeconds,
  formatSigned,
} from './format.js';
import { renderTable } from './table.js';
import { mark } from './targets.js';

export function renderSummary(report: BenchReport): string {
  const { stages, machine } = report;
  const sections = [
    `Switchboard benchmarks (${report.mode}) — ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.nodeVersion}`,
    section('Mapping', stages.mapping, (result) =>
      renderTable({
        title: `Mapping (records per CPU-second, one thread; engine via ${result.via})`,
        columns: [
          { header: 'resource' },
          { header: 'sample', align: 'right' },
          { header: 'engine (compiled)', align: 'right' },
          { header: 'interpreter', align: 'right' },
          { header: 'hand-written', align: 'right' },
          { header: 'cost ratio', align: 'right' },
          { header: 'interpreter ratio', align: 'right' },
        ],
        rows: result.rows.map((row) => [
          row.mode === 'compiled' ? row.resource : `${row.resource} (${row.mode})`,
          formatCount(row.sampleRecords),
          formatCount(row.engineRecordsPerCpuSecond),
          formatCount(row.interpreterRecordsPerCpuSecond),
          formatCount(row.handwrittenRecordsPerCpuSecond),
          formatRatio(row.costRatio),
          formatRatio(row.interpreterCostRatio),
        ]),
        notes: [
          'cost ratio = hand-written ÷ engine records/s; interpreter ratio = hand-written ÷ interpreter records/s',
          '(the same expression through the jsonata interpreter; every output checked deep-equal first)',
        ],
      }),
    ),
    section(
      'Unified list, end to end',
      stages.unifiedList,
      (result) =>
        renderTable({
          title: 'Unified list, end to end (read every user page by page)',
          columns: [
            { header: 'users' },
            { header: 'pages', align: 'right' },
            { header: 'raw upstream', align: 'right' },
            { header: 'unified API', align: 'right' },
            { header: 'ratio', align: 'right' },
            { header: 'remote_data=false', align: 'right' },
            { header: 'ratio', align: 'right' },
            { header: 'API RSS before', align: 'right' },
            { header: 'API peak RSS', align: 'right' },
          ],
          rows: result.rows.map((row) => [
            formatCount(row.users),
            formatCount(row.pages),
            formatSeconds(row.rawSeconds),
            formatSeconds(row.unifiedSeconds),
            formatRatio(row.timeRatio),
            formatSeconds(row.unifiedWithoutRemoteSeconds),
            formatRatio(row.withoutRemoteRatio),
            formatMb(row.apiRssBeforeMb),
            formatMb(row.apiPeakRssMb),
          ]),
          notes: [
            `ratio = unified ÷ raw time (median of ${result.rows[0]?.runs ?? 0} run(s)); peak RSS growth ${formatSigned(result.rssGrowthMb, formatMb)}`,
            'remote_data=false: the same read without the raw upstream records (the target row is the default, remote_data on)',
          ],
        }) +
        '\n\n' +
        renderTable({
          title: 'Where a read goes (µs of CPU per record, median of runs)',
          columns: [
            { header: 'users' },
            { header: 'read' },
            { header: 'simulator', align: 'right' },
            { header: 'API', align: 'right' },
            { header: 'client', align: 'right' },
            { header: 'wall', align: 'right' },
          ],
          rows: result.rows.flatMap((row) => [
            cpuRow(row.users, 'raw upstream', row.rawCpuPerRecord, row.rawSeconds),
            cpuRow(row.users, 'unified API', row.unifiedCpuPerRecord, row.unifiedSeconds),
          ]),
          notes: [
            'simulator, API = their processes (/proc); client = this process: requests and parsing every page',
            'one page at a time keeps one process busy at a time, so wall ≈ their sum plus the loopback round trips',
          ],
        }),
    ),
    section('Proxy', stages.proxy, (result) =>
      renderTable({
        title: `Proxy under load (${result.connections} connections, limit=${result.pageLimit})`,
        columns: [
          { header: 'target' },
          { header: 'req/s', align: 'right' },
          { header: 'p50', align: 'right' },
          { header: 'p99', align: 'right' },
          { header: 'non-2xx', align: 'right' },
          { header: 'errors', align: 'right' },
          { header: 'server CPU/answer', align: 'right' },
        ],
        rows: [result.direct, result.bare, result.proxy, result.oneItem?.bare, result.oneItem?.proxy].flatMap(
          (run) =>
            run === undefined
              ? []
              : [
                  [
                    `${run.target} ${run.path}`,
                    formatCount(run.requestsPerSecond),
                    formatMs(run.p50Ms),
                    formatMs(run.p99Ms),
                    formatCount(run.non2xx),
                    formatCount(run.errors),
                    run.serverCpuMsPerRequest === null ? '–' : formatMs(run.serverCpuMsPerRequest),
                  ],
                ],
        ),
        notes: [
          `proxy ÷ bare forwarder throughput ${formatPercent(result.throughputRatio)}; added p50 ${formatSigned(result.addedP50Ms, formatMs)}, added p99 ${formatSigned(result.addedP99Ms, formatMs)}`,
          ...(result.cpuCostRatio === null
            ? []
            : [`API CPU per answer ${formatRatio(result.cpuCostRatio)} the forwarder's`]),
          ...(result.oneItem === undefined
            ? []
            : [
                'limit=1 rows: what a request costs apart from the records it carries (context, not a target)',
              ]),
        ],
      }),
    ),
    section('Cold start', stages.coldStart, (result) =>
      renderTable({
        title: 'Cold start (process spawn → /health answers 200)',
        columns: [{ header: 'median', align: 'right' }, { header: 'samples' }, { header: 'integrations' }],
        rows: [
          [
            formatMs(result.medianMs),
            result.samplesMs.map((ms) => formatMs(ms)).join(', '),
            result.integrations.join(', '),
          ],
        ],
      }),
    ),
    section('Change feed', stages.changeFeed, (result) =>
      renderTable({
        title: `Change feed sync runs (${formatCount(result.users)} users, SQLite store)`,
        columns: [
          { header: 'run' },
          { header: 'resources' },
          { header: 'upstream calls', align: 'right' },
          { header: 'records read', align: 'right' },
          { header: 'events', align: 'right' },
          { header: 'time', align: 'right' },
          { header: 'CPU', align: 'right' },
          { header: 'calls ÷ raw', align: 'right' },
          { header: 'time ÷ raw', align: 'right' },
        ],
        rows: result.rows.map((row) => [
          row.run,
          row.resources.length === 0 ? 'users (upstream)' : row.resources.join(', '),
          formatCount(row.upstreamCalls),
          formatCount(row.recordsRead),
          row.events === null ? '–' : formatCount(row.events),
          formatSeconds(row.seconds),
          formatSeconds(row.cpuSeconds),
          formatRatio(row.callsRatio),
          formatRatio(row.timeRatio),
        ]),
        notes: [
          `raw = every user read straight from the simulator (limit=${result.pageLimit}); each run after the baseline follows ${result.rows.find((row) => row.changesBefore > 0)?.changesBefore ?? 0} changes and records one event per change`,
          'CPU = this process during the run (engine, change feed, SQLite); time also waits for the simulator',
        ],
      }),
    ),
    section('Upstream calls', stages.upstreamCalls, (result) =>
      renderTable({
        title: `Upstream calls per full listing (OneLogin simulator, ${formatCount(result.users)} users)`,
        columns: [
          { header: 'listing' },
          { header: 'limit', align: 'right' },
          { header: 'records', align: 'right' },
          { header: 'upstream calls', align: 'right' },
          { header: 'ideal ⌈N/L⌉', align: 'right' },
          { header: 'calls ÷ ideal', align: 'right' },
          { header: 'token', align: 'right' },
          { header: 'note' },
        ],
        rows: result.rows.map((row) => [
          row.listing,
          String(row.limit),
          formatCount(row.records),
          formatCount(row.upstreamCalls),
          formatCount(row.ideal),
          formatRatio(row.callsPerIdeal),
          String(row.tokenRequests),
          row.note ?? '',
        ]),
        notes: [
          'upstream calls = what the simulator answered during the listing (GET /__sim/state), token requests apart',
          'ideal = one upstream call per page of the answer (N records at limit L); exact counts, not times',
        ],
      }),
    ),
    renderTable({
      title: 'Targets (reported, not tuned to)',
      columns: [
        { header: 'check' },
        { header: 'target' },
        { header: 'measured', align: 'right' },
        { header: '' },
      ],
      rows: report.targets.map((check) => [check.name, check.target, check.measured, mark(check.pass)]),
    }),
  ];
  return `${sections.join('\n\n')}\n`;
}

function cpuRow(users: number, read: string, cpu: CpuPerRecord, seconds: number): string[] {
  const us = (value: number | null) => (value === null ? '–' : value.toFixed(1));
  return [
    formatCount(users),
    read,
    us(cpu.simulatorUs),
    us(cpu.apiUs),
    us(cpu.clientUs),
    us((seconds * 1e6) / users),
  ];
}

function section<T>(name: string, outcome: StageOutcome<T>, render: (result: T) => string): string {
  if (outcome.status === 'ok') return render(outcome.result);
  return `${name}: ${outcome.status} — ${outcome.reason}`;
}
