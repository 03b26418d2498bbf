/**
 * @module `delete`: removes one record by unified id; answers `{ id }`.
 */
import type { DeleteInput, RecordResult } from './contract.js';
import type { EngineInternals } from './engine-internals.js';
import { runWrite } from './write.js';

export function runDelete(engine: EngineInternals, input: DeleteInput): Promise<RecordResult> {
  return runWrite(engine, 'delete', input);
}
