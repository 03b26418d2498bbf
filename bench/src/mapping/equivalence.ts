/**
 * @module Checks that the engine and the hand-written mapping produce the same unified records for every sampled
 * record, so their ratio compares equal work. Engine output is compared as it would be serialised (JSONata's
 * `undefined` members and sequence flags do not survive JSON).
 */
import type { UpstreamRecord } from '../handwritten/index.js';
import type { EngineMapping } from './engine-mapping.js';
import { firstDifference } from './first-difference.js';

/** The first disagreement, described with the record's id; `undefined` when all records agree. */
export async function findMismatch(
  engine: EngineMapping,
  handwritten: (record: UpstreamRecord) => Record<string, unknown>,
  records: readonly unknown[],
): Promise<string | undefined> {
  for (const record of records) {
    const fromEngine: unknown[] = [];
    await engine.mapInto(record, fromEngine);
    const difference = firstDifference(
      JSON.parse(JSON.stringify(fromEngine)),
      JSON.parse(JSON.stringify([handwritten(record as UpstreamRecord)])),
    );
    if (difference !== undefined) {
      const id = (record as { id?: unknown }).id;
      return `record ${JSON.stringify(id)}: engine ${difference} (hand-written)`;
    }
  }
  return undefined;
}
