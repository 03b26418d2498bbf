/**
 * @module The shape of `results/latest.json` (and of what the stages hand to the report). Times are in
 * milliseconds or seconds as named, memory in MB (2^20 bytes), throughput per second.
 */
import type { MachineInfo } from './report/machine-info.js';
import type { TargetCheck } from './report/targets.js';

/** A stage either measured something or says why it did not. */
export type StageOutcome<T> =
  | { status: 'ok'; result: T }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

export interface MappingRow {
  resource: string;
  /** Where the `response:` expression sits in the integration file. */
  pointer: string;
  /** How the engine runs the expression: `compiled`, or `interpreted` when the compiler fell back. */
  mode: string;
  /** Simulator records mapped round after round. */
  sampleRecords: number;
  /** The engine as it runs (the compiled expression, mapped synchronously). */
  engineRecordsPerCpuSecond: number;
  /** The same expression through the jsonata interpreter (the engine before the compiler). */
  interpreterRecordsPerCpuSecond: number;
  handwrittenRecordsPerCpuSecond: number;
  /** hand-written ÷ engine throughput: how many times more a record costs through the engine. */
  costRatio: number;
  /** hand-written ÷ interpreter throughput. */
  interpreterCostRatio: number;
}

export interface MappingResult {
  /** How the engine side was driven (its exported mapper, or the compiled expression directly). */
  via: string;
  rows: MappingRow[];
}

export interface UnifiedListRow {
  users: number;
  /** `limit` of each request: the integration's maximum for unified users, the same page size upstream. */
  pageLimit: number;
  pages: number;
  /** Measured repetitions; the times are their medians. */
  runs: number;
  rawSeconds: number;
  unifiedSeconds: number;
  /** unified ÷ raw time. */
  timeRatio: number;
  /**
   * The same read with `remote_data=false`: the API then sends only the unified fields, so this is the cost of
   * mapping and paging without the client parsing each upstream record a second time.
   */
  unifiedWithoutRemoteSeconds: number;
  /** unified (`remote_data=false`) ÷ raw time. */
  withoutRemoteRatio: number;
  /** API process RSS after start-up and a warm-up read, before the measured reads. */
  apiRssBeforeMb: number;
  /** Highest API RSS seen (VmHWM, or the highest VmRSS sample where VmHWM is missing). */
  apiPeakRssMb: number;
  /** CPU of each process during the raw read (`apiUs` null: the API takes no part). */
  rawCpuPerRecord: CpuPerRecord;
  /** CPU of each process during the unified read (`remote_data` on). */
  unifiedCpuPerRecord: CpuPerRecord;
}

/** Microseconds of CPU per record read, per process (median over runs); null where procfs is missing. */
export interface CpuPerRecord {
  simulatorUs: number | null;
  apiUs: number | null;
  /** The bench's own client: requests, and parsing every page. */
  clientUs: number;
}

export interface UnifiedListResult {
  rows: UnifiedListRow[];
  /** Peak RSS of the largest size minus that of the smallest. */
  rssGrowthMb: number;
}

export interface LoadRun {
  target: string;
  path: string;
  durationSeconds: number;
  /** 2xx responses per second. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /**
   * CPU milliseconds the process under load (the API, the forwarder or the simulator; all its threads, its own
   * upstream excluded) spent per 2xx answer; null without procfs.
   */
  serverCpuMsPerRequest: number | null;
}

export interface ProxyResult {
  connections: number;
  pageLimit: number;
  /** The simulator hit directly: the ceiling both forwarders share (context only; not run in `--quick`). */
  direct?: LoadRun;
  bare: LoadRun;
  proxy: LoadRun;
  /** The same two at `limit=1`: what a request costs apart from its records (context only; not in `--quick`). */
  oneItem?: { bare: LoadRun; proxy: LoadRun };
  /** proxy ÷ bare forwarder requests per second. */
  throughputRatio: number;
  addedP50Ms: number;
  addedP99Ms: number;
  /** API ÷ forwarder CPU per answer: what Switchboard's own work costs, steadier than req/s on a busy machine. */
  cpuCostRatio: number | null;
}

export interface ColdStartResult {
  samplesMs: number[];
  medianMs: number;
  /** What `GET /integrations` listed once `/health` answered. */
  integrations: string[];
}

export interface ChangeFeedRow {
  /** `raw upstream read` (the baseline), `baseline run` (the first, silent full run), `incremental run`, `full run`. */
  run: string;
  /** The synced resources; empty for the raw read. */
  resources: string[];
  /** Calls the simulator answered during the run (API calls plus token requests). */
  upstreamCalls: number;
  /** API calls by `METHOD /route/pattern`. */
  callsByRoute: Record<string, number>;
  seconds: number;
  /** CPU time of the bench process during the run: the engine, the change feed and SQLite (not the simulator). */
  cpuSeconds: number;
  /** Unified records the run read (all resources), or the users the raw read returned. */
  recordsRead: number;
  /** Events the run recorded (a baseline run records none). */
  events: number | null;
  /** Changes made in the simulator since the account's previous run. */
  changesBefore: number;
  /** run ÷ raw upstream read: time and upstream calls. */
  timeRatio: number;
  callsRatio: number;
}

export interface ChangeFeedResult {
  /** Users the simulator held at the start. */
  users: number;
  /** The raw read's page size: the integration's maximum for unified users, as the run reads them. */
  pageLimit: number;
  rows: ChangeFeedRow[];
}

export interface UpstreamCallsRow {
  /** What was listed: `unified users`, `proxy users`, … */
  listing: string;
  limit: number;
  /** Records the listing returned (N). */
  records: number;
  /** API calls the listing took. */
  pages: number;
  /** Calls the simulator answered during the listing, token requests apart. */
  upstreamCalls: number;
  tokenRequests: number;
  /** ⌈N / limit⌉: one upstream call per page of the answer. */
  ideal: number;
  /** upstream calls ÷ ideal. */
  callsPerIdeal: number;
  /** Why the ideal is not the whole story for this listing. */
  note?: string;
}

export interface UpstreamCallsResult {
  /** Users the simulator held. */
  users: number;
  rows: UpstreamCallsRow[];
}

export interface Stages {
  mapping: StageOutcome<MappingResult>;
  unifiedList: StageOutcome<UnifiedListResult>;
  proxy: StageOutcome<ProxyResult>;
  coldStart: StageOutcome<ColdStartResult>;
  changeFeed: StageOutcome<ChangeFeedResult>;
  upstreamCalls: StageOutcome<UpstreamCallsResult>;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  mode: 'quick' | 'full';
  machine: MachineInfo;
  stages: Stages;
  targets: TargetCheck[];
}
