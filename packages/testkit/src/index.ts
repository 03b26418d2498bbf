/**
 * @module @switchboard/testkit — record, scrub and replay upstream fixtures; the conformance runner.
 */
export {
  type ConformanceOptions,
  type ConformanceReport,
  runConformance,
  type ScenarioResult,
} from './conformance.js';
export * from './fixture.js';
export { goldenDiff } from './golden-diff.js';
export { DEFAULT_LIMITS, type PlannedScenario, planScenarios } from './plan.js';
export {
  FIXTURE_CLOCK,
  fixtureClock,
  type RecordOptions,
  type RecordResult,
  recordIntegration,
} from './record.js';
export { type RecordingProxy, startRecordingProxy } from './recording-proxy.js';
export { REPLAY_ORIGIN, type Replay, startReplay } from './replay.js';
export { formatReport } from './report.js';
export { runOperation } from './run-operation.js';
export { placeholder, Scrubber } from './scrubber.js';
export { validateUnifiedRecord } from './unified-schema.js';
