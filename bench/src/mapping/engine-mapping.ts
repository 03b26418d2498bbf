/**
 * @module Drives the engine's mapping stage for one `response:` expression through the engine's own record mapper
 * (`createRecordMapper`): the expression from the loaded integration, the per-page bindings the engine passes
 * (`$record`, `$body`, `$headers`, `$query`, `$parent`, `$connection`, `$now`; one object, `record` swapped per
 * record), the flattening (an array yields several records, null none) and the output clean-up. `remote_data`
 * is left out on both sides of the comparison.
 *
 * Two engines are measured: the expression as the engine runs it (compiled to JavaScript, mapped synchronously
 * as the list loop does), and the same expression run by the jsonata interpreter (`asInterpreted`), the
 * engine before the compiler.
 */
import {
  asInterpreted,
  type CompiledIntegration,
  createRecordMapper,
  type MappingBindings,
  type RecordMapper,
} from '@switchboard/engine';
import { BenchPieceMissing } from '../errors.js';

export type EngineKind = 'compiled' | 'interpreted';

export interface EngineMapping {
  /** How the engine is driven, for the report. */
  readonly via: string;
  /** How the expression runs (`compiled` can still say `interpreted`: the compiler's fallback). */
  readonly mode: string;
  /** True when `mapInto` returns nothing: the mapping ran synchronously. */
  readonly sync: boolean;
  /** Pushes the unified records made from `record` onto `out`, synchronously when the mapping allows it. */
  mapInto(record: unknown, out: unknown[]): Promise<void> | void;
}

export function engineMapping(
  integration: CompiledIntegration,
  pointer: string,
  kind: EngineKind,
): EngineMapping {
  const expression = integration.expression(pointer);
  if (expression === undefined) {
    throw new BenchPieceMissing(`${integration.file} has no compiled expression at ${pointer}`);
  }
  // The interpreter's twin of the same expression, definitions included, behind the same mapper.
  const source: CompiledIntegration =
    kind === 'compiled'
      ? integration
      : {
          ...integration,
          expression: (at) => (at === pointer ? asInterpreted(expression) : integration.expression(at)),
        };
  const mapper: RecordMapper = createRecordMapper({
    site: { integration: source, pointer, what: `${pointer.split('/').slice(3, 5).join('.')} response` },
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
  const out = (records: unknown[]) => records as Record<string, unknown>[];
  return mapper.sync
    ? {
        via: 'createRecordMapper (mapIntoSync)',
        sync: true,
        mode: source.expression(pointer)?.mode ?? 'none',
        mapInto: (record, records) => mapper.mapIntoSync(record, bindings, out(records)),
      }
    : {
        via: 'createRecordMapper (mapInto)',
        sync: false,
        mode: source.expression(pointer)?.mode ?? 'none',
        mapInto: (record, records) => mapper.mapInto(record, bindings, out(records)),
      };
}
