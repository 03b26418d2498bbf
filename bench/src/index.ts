/**
 * @module @switchboard/bench — the benchmark behind `pnpm bench`. Run it, do not import it; the exports are the
 * pieces other tools may reuse: the hand-written OneLogin mappings, the statistics and the table renderer.
 */
export { mapActivity, mapGroup, mapRole, mapUser } from './handwritten/index.js';
export { type Column, renderTable, type Table } from './report/table.js';
export { checkTargets, TARGETS, type TargetCheck } from './report/targets.js';
export type * from './results.js';
export { LatencyRecorder } from './stats/latency-recorder.js';
export { mean, median, percentile, ratio } from './stats/statistics.js';
