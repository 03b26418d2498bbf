/**
 * @module Validates unified records against the model's JSON Schema (the same one the API publishes), found
 * through the resource's definition in @switchboard/schema.
 */
import {
  createAjv,
  schemaId,
  UNIFIED_MODEL_DEFINITIONS,
  unifiedModelJsonSchema,
  unifiedResourceDefinition,
} from '@switchboard/schema';

const ajv = createAjv();
const documentIds = new Map<string, string>();
for (const model of UNIFIED_MODEL_DEFINITIONS) {
  const document = unifiedModelJsonSchema(model);
  ajv.addSchema(document);
  documentIds.set(model.name, String(document['$id']));
}

/** Problems with one record (`[]` when it is valid), each naming the field. */
export function validateUnifiedRecord(model: string, resource: string, record: unknown): string[] {
  const definition = unifiedResourceDefinition(model, resource);
  const validate =
    definition === undefined
      ? undefined
      : ajv.getSchema(`${documentIds.get(model)}#/$defs/${schemaId(definition.record)}`);
  if (!validate) return [`no unified schema for ${model}/${resource}`];
  if (validate(record)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
