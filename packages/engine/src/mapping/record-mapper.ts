/**
 * @module Upstream record → unified records. The `response:` expression runs once per record with `$` (and
 * `$record`) the record and `$body`, `$headers`, `$query`, `$parent`, `$connection`, `$now` bound. An object is
 * one record, an array flat-maps, null/undefined drops. `remote_data` (the record as received) is added here,
 * never by the YAML.
 */
import { cleanOutput } from './clean-output.js';
import { type LocatedExpression, locateExpression } from './located-expression.js';
import { type MappingSite, mappingFailure } from './mapping-failure.js';

/** Shared by every record of a page: built once per page, `record` swapped per record (no per-record object). */
export interface MappingBindings {
  record: unknown;
  body: unknown;
  headers: Record<string, string>;
  query: Record<string, unknown>;
  parent: unknown;
  /** On writes: the unified request body (`$request`), e.g. to build an id the upstream answer lacks. */
  request?: unknown;
  connection: Record<string, string>;
  now: string;
}

export interface RecordMapper {
  /** Pushes the unified records made from `record` onto `out`. */
  mapInto(record: unknown, bindings: MappingBindings, out: Record<string, unknown>[]): Promise<void>;
  /** True when {@link mapIntoSync} can be used: no expression, or a compiled one. */
  readonly sync: boolean;
  /** `mapInto` without a promise per record, for the hot loop; only when `sync` is true. */
  mapIntoSync(record: unknown, bindings: MappingBindings, out: Record<string, unknown>[]): void;
}

export interface RecordMapperOptions {
  /** The `response:` expression's site; with `identity`, the operation's (for error locations only). */
  site: MappingSite;
  /** The operation has no `response:`: the upstream record is the unified record. */
  identity?: boolean;
  /** Add `remote_data` (default true). */
  remoteData?: boolean;
}

export function createRecordMapper(options: RecordMapperOptions): RecordMapper {
  const { site } = options;
  const remoteData = options.remoteData ?? true;
  // The one evaluation policy (a failure becomes `MappingFailed` naming the record) lives with the expression.
  const expression: LocatedExpression | undefined = options.identity ? undefined : locateExpression(site);

  const fresh = expression?.compiled.freshObjectResult === true;
  const emit = (value: unknown, record: unknown, out: Record<string, unknown>[]) => {
    if (value === null || value === undefined) return;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw mappingFailure(
        site,
        new Error(`a mapping must produce objects, got ${kindOf(value)}`),
        idOf(record),
      );
    }
    // A new top-level object (`cleanOutput` copies it unless the expression built it), so remote_data can
    // never point at itself or be added to the upstream record.
    const copy = cleanOutput(value, { fresh: fresh && value !== record });
    const unified = copy as Record<string, unknown>;
    if (remoteData) unified['remote_data'] = record;
    else delete unified['remote_data'];
    out.push(unified);
  };

  const emitAll = (result: unknown, record: unknown, out: Record<string, unknown>[]) => {
    if (Array.isArray(result)) {
      for (const item of result) emit(item, record, out);
    } else emit(result, record, out);
  };

  const evaluateSync = expression?.evaluateSync;
  const mapIntoSync: RecordMapper['mapIntoSync'] = (record, bindings, out) => {
    if (expression === undefined) {
      emit(record, record, out);
      return;
    }
    if (evaluateSync === undefined) throw new Error('this mapping runs interpreted: use mapInto');
    bindings.record = record;
    emitAll(evaluateSync(record, bindings as unknown as Record<string, unknown>, idOf(record)), record, out);
  };

  return {
    sync: expression === undefined || evaluateSync !== undefined,
    mapIntoSync,
    async mapInto(record, bindings, out) {
      if (expression === undefined || evaluateSync !== undefined) {
        mapIntoSync(record, bindings, out);
        return;
      }
      bindings.record = record;
      const result = await expression.evaluate(
        record,
        bindings as unknown as Record<string, unknown>,
        idOf(record),
      );
      emitAll(result, record, out);
    },
  };
}

function idOf(record: unknown): unknown {
  return record !== null && typeof record === 'object'
    ? (record as Record<string, unknown>)['id']
    : undefined;
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? 'a nested array' : typeof value;
}
