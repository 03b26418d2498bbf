/**
 * @module `get`: one record by unified id.
 */

import { choosePlan } from './choose-plan.js';
import type { GetInput, RecordResult } from './contract.js';
import type { EngineInternals } from './engine-internals.js';
import { activeEnrichments } from './enrichment.js';
import { extrasOf, openOperation } from './operation-context.js';
import { readOne } from './read-one.js';

export async function runGet(engine: EngineInternals, input: GetInput): Promise<RecordResult> {
  const context = openOperation(engine, input);
  const operation = await choosePlan(context, {
    model: input.model,
    resource: input.resource,
    method: 'get',
    filters: {},
    id: input.id,
  });
  const enrich = activeEnrichments(operation, input.expand);
  const record = await readOne(context, operation, input.id, input.remoteData, enrich);
  return { record, ...extrasOf(context) };
}
