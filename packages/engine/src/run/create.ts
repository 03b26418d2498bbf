/**
 * @module `create`: a new record from the unified body.
 */
import type { CreateInput, RecordResult } from './contract.js';
import type { EngineInternals } from './engine-internals.js';
import { runWrite } from './write.js';

export function runCreate(engine: EngineInternals, input: CreateInput): Promise<RecordResult> {
  return runWrite(engine, 'create', input);
}
