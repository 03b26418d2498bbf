/**
 * @module `update`: changes to one record by unified id.
 */
import type { RecordResult, UpdateInput } from './contract.js';
import type { EngineInternals } from './engine-internals.js';
import { runWrite } from './write.js';

export function runUpdate(engine: EngineInternals, input: UpdateInput): Promise<RecordResult> {
  return runWrite(engine, 'update', input);
}
