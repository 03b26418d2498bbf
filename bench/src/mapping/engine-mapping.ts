/**
 * @module Drives the engine's mapping stage for one `response:` expression through the engine's own record mapper
 * (`createRecordMapper`): the compiled expression from the loaded integration, the per-page bindings the engine
 * passes (`$record`, `$body`, `$headers`, `$query`, `$parent`, `$connection`, `$now`; one object, `record` swapped
 * per record), the flattening (an array yields several records, null none) and the output clean-up. `remote_data`
 * is left out on both sides of the comparison.
 */
import { type CompiledIntegration, createRecordMapper, type MappingBindings } from '@switchboard/engine';
import { BenchPieceMissing } from '../errors.js';

export interface EngineMapping {
  /** How the engine is driven, for the report. */
  readonly via: string;
  /** Pushes the unified records made from `record` onto `out`. */
  mapInto(record: unknown, out: unknown[]): Promise<void>;
}

export function engineMapping(integration: CompiledIntegration, pointer: string): EngineMapping {
  if (integration.expression(pointer) === undefined) {
    throw new BenchPieceMissing(`${integration.file} has no compiled expression at ${pointer}`);
  }
  const mapper = createRecordMapper({
    site: { integration, pointer, what: `${pointer.split('/').slice(3, 5).join('.')} response` },
    remoteData: false,
  });
  const bindings: MappingBindings = {
    record: undefined,
    body: undefined,
    headers: {},
    query: {},
    parent: undefined,
    connection: {},
    now: new Date().toISOString(),
  };
  return {
    via: 'createRecordMapper',
    mapInto: (record, out) => mapper.mapInto(record, bindings, out as Record<string, unknown>[]),
  };
}
