/**
 * @module What every operation receives from the engine: integrations by name, the network, the cursor codec
 * and the clock.
 */
import type { CompiledIntegration } from '../config/compiled-integration.js';
import type { CursorCodec } from '../cursor/cursor-codec.js';
import type { HttpRuntime } from '../http/http-runtime.js';
import type { EngineLogger } from './contract.js';
import type { OperationChoice } from './operation-plan.js';

export interface EngineInternals {
  /** Throws `UnknownIntegration`. */
  integration(name: string): CompiledIntegration;
  /** The integration's operation plans (built when the engine was created), by `operationKey`. */
  plans(name: string): ReadonlyMap<string, OperationChoice>;
  http: HttpRuntime;
  cursors: CursorCodec;
  clock: () => number;
  logger?: EngineLogger | undefined;
}
