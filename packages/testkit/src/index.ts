/**
 * @module @switchboard/testkit — record, scrub and replay upstream fixtures; the conformance runner.
 */

export { BodyStore } from './body-store.js';
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
  DEFAULT_RUN_ID,
  outcomeProblem,
  type RecordOptions,
  type RecordResult,
  recordIntegration,
} from './record.js';
export { type RecorderFault, recorderFault } from './recorder-faults.js';
export { type RecordingProxy, type RecordingProxyOptions, startRecordingProxy } from './recording-proxy.js';
export { REPLAY_ORIGIN, type Replay, startReplay } from './replay.js';
export { formatReport } from './report.js';
export { runOperation } from './run-operation.js';
export {
  type CustomScenario,
  loadScenarioData,
  SCENARIO_DATA_FILE,
  type ScenarioData,
} from './scenario-data.js';
export { matchesScrubbed, placeholder, Scrubber } from './scrubber.js';
export { validateUnifiedRecord } from './unified-schema.js';
export { FIXTURE_CLOCK, recordingTime, replayTime, type VirtualTime } from './virtual-time.js';
